package dev.ovid.activities.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Distinct 640 × 360, 10 s, 30 fps clips for the data-path benchmark, written with JavaCV's
 * FFmpegFrameRecorder: H.264 (MPEG-4 Part 2 where the FFmpeg build has no H.264 encoder), yuv420p,
 * 2 Mbit/s, a keyframe every 2 s. The content is a panning noise texture under moving shapes, so
 * the encoder spends bits as on camera footage (flat synthetic frames decode unrealistically fast);
 * the clip's index seeds the texture and the shapes, so every clip's bytes differ.
 */
public final class CameraLikeClips {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 360;
  public static final int FPS = 30;
  public static final int SECONDS = 10;

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private CameraLikeClips() {}

  /** Writes clip {@code index} to {@code out} unless it is there; returns the codec in the file. */
  public static String writeIfMissing(int index, Path out) throws Exception {
    if (Files.isRegularFile(out) && Files.size(out) > 0) return "reused";
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp.mp4");
    String codec;
    try {
      record(index, tmp, avcodec.AV_CODEC_ID_H264);
      codec = "h264";
    } catch (Exception noH264) {
      Files.deleteIfExists(tmp);
      record(index, tmp, avcodec.AV_CODEC_ID_MPEG4);
      codec = "mpeg4";
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return codec;
  }

  private static void record(int index, Path out, int codec) throws Exception {
    int frames = FPS * SECONDS;
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), WIDTH, HEIGHT, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(codec);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setVideoBitrate(2_000_000);
      recorder.setGopSize(FPS * 2);
      recorder.start();
      BufferedImage texture = noise(WIDTH + frames, HEIGHT, index);
      BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
      float hue = (index * 0.137f) % 1f;
      for (int i = 0; i < frames; i++) {
        Graphics2D g = image.createGraphics();
        g.drawImage(texture, -i, 0, null);
        g.setColor(Color.getHSBColor((hue + i / (float) frames) % 1f, 0.8f, 0.9f));
        int x = (int) ((WIDTH - 80) * (i / (double) frames));
        g.fillOval(x, HEIGHT / 3 + index % 40, 80, 80);
        g.setColor(Color.WHITE);
        g.fillRect(WIDTH - x - 60, 2 * HEIGHT / 3 - 30, 60, 60);
        g.dispose();
        recorder.record(converter.convert(image));
      }
      recorder.stop();
    }
  }

  private static BufferedImage noise(int width, int height, long seed) {
    var random = new Random(seed);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = 60 + random.nextInt(120);
        out.setRGB(x, y, (v << 16) | ((v + (x & 31)) << 8) | (v + (y & 31)));
      }
    }
    return out;
  }
}
