package dev.ovid.activities.curation.demo;

import dev.ovid.model.shapes.ShapesClip;
import dev.ovid.model.shapes.ShapesWorld;
import dev.ovid.registry.dataset.demo.DemoClip;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Renders a {@link DemoClip} with the shapes benchmark's {@link ShapesWorld} (size, path and
 * background drawn from the clip's id) to an MPEG-4 file, deterministically (same bytes every
 * time).
 */
public final class DemoVideoWriter {
  public static final int SIZE = 64;
  public static final int FRAMES = 16;
  private static final long SEED = 0x4445_4D4FL;

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  public void write(DemoClip clip, Path out) throws Exception {
    byte[] pixels = ShapesWorld.render(shapesClip(clip), FRAMES, SIZE);
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
        recorder.record(converter.convert(frame(pixels, f)));
      }
      recorder.stop();
    }
  }

  /** The shapes-world clip a demo clip shows: its random draws come from the clip's id. */
  static ShapesClip shapesClip(DemoClip clip) {
    List<ShapesClip> motions =
        ShapesWorld.clips(List.of(clip.entityLabel()), 1, SEED, clip.id().hashCode(), clip.id());
    return motions.stream()
        .filter(c -> c.motion().equals(clip.motion()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown motion " + clip.motion()));
  }

  /** Frame {@code f} of [F, 3, H, W] uint8 pixels as an image. */
  static BufferedImage frame(byte[] pixels, int f) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
    int plane = SIZE * SIZE;
    int offset = f * 3 * plane;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = offset + y * SIZE + x;
        int r = pixels[i] & 0xff;
        int g = pixels[i + plane] & 0xff;
        int b = pixels[i + 2 * plane] & 0xff;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }
}
