package dev.ovid.activities.curation.demo;

import dev.ovid.registry.dataset.demo.DemoClip;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Renders a {@link DemoClip} to an MPEG-4 file, deterministically (same bytes every time). */
public final class DemoVideoWriter {
  public static final int SIZE = 64;
  public static final int FRAMES = 16;
  private static final Map<String, Color> COLORS =
      Map.of(
          "red", new Color(220, 40, 40),
          "green", new Color(40, 200, 60),
          "blue", new Color(50, 80, 230),
          "yellow", new Color(235, 215, 40));

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  public void write(DemoClip clip, Path out) throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), SIZE, SIZE, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(8);
      recorder.setVideoBitrate(400_000);
      recorder.setGopSize(FRAMES);
      // Keep the file byte-identical across runs: no encoder tag or timestamps in metadata.
      recorder.setVideoOption("flags", "+bitexact");
      recorder.start();
      for (int f = 0; f < FRAMES; f++) {
        recorder.record(converter.convert(render(clip, f)));
      }
      recorder.stop();
    }
  }

  static BufferedImage render(DemoClip clip, int frame) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(24, 24, 28));
    g.fillRect(0, 0, SIZE, SIZE);
    int shape = 20;
    double t = frame / (double) (FRAMES - 1);
    int travel = SIZE - shape - 8;
    int x = 4 + travel / 2;
    int y = 4 + travel / 2;
    switch (clip.motion()) {
      case "left" -> x = 4 + (int) Math.round(travel * (1 - t));
      case "right" -> x = 4 + (int) Math.round(travel * t);
      case "up" -> y = 4 + (int) Math.round(travel * (1 - t));
      case "down" -> y = 4 + (int) Math.round(travel * t);
      default -> throw new IllegalArgumentException("unknown motion " + clip.motion());
    }
    g.setColor(COLORS.get(clip.color()));
    switch (clip.shape()) {
      case "square" -> g.fillRect(x, y, shape, shape);
      case "circle" -> g.fillOval(x, y, shape, shape);
      case "triangle" ->
          g.fillPolygon(
              new int[] {x, x + shape / 2, x + shape}, new int[] {y + shape, y, y + shape}, 3);
      default -> throw new IllegalArgumentException("unknown shape " + clip.shape());
    }
    g.dispose();
    return image;
  }
}
