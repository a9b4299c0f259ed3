package dev.ovid.activities.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Small distinct clips for benchmarks: 64 × 64 px, 16 frames of MPEG-4, a square whose colour,
 * start and direction follow from the clip's index (so every clip's bytes, and sha256, differ).
 */
public final class SyntheticClips {
  static final int SIZE = 64;
  static final int FRAMES = 16;
  static final int COLOURS = 6;
  static final int MOTIONS = 4;

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private SyntheticClips() {}

  /** Labels of clip {@code index}: its colour and its motion. */
  public static java.util.List<String> labels(int index) {
    return java.util.List.of("colour-" + index % COLOURS, "motion-" + (index / COLOURS) % MOTIONS);
  }

  /** Writes clip {@code index} to {@code out} unless a file is already there. */
  public static void writeIfMissing(int index, Path out) throws Exception {
    if (Files.isRegularFile(out) && Files.size(out) > 0) return;
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp.mp4");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(tmp.toFile(), SIZE, SIZE, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(8);
      recorder.setVideoBitrate(200_000);
      recorder.start();
      for (int f = 0; f < FRAMES; f++) {
        recorder.record(converter.convert(frame(index, f)));
      }
      recorder.stop();
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static BufferedImage frame(int index, int f) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(20 + index % 7 * 5, 20 + index / 7 % 7 * 5, 28));
    g.fillRect(0, 0, SIZE, SIZE);
    float hue = (index % COLOURS) / (float) COLOURS;
    g.setColor(Color.getHSBColor(hue, 0.8f, 0.9f));
    int motion = (index / COLOURS) % MOTIONS;
    int start = 4 + index % 29;
    int step = f * 2;
    int x = motion == 0 ? start + step : motion == 1 ? start + 28 - step : start;
    int y = motion == 2 ? start + step : motion == 3 ? start + 28 - step : start;
    g.fillRect(x % (SIZE - 16), y % (SIZE - 16), 16, 16);
    g.dispose();
    return image;
  }
}
