package dev.ovid.activities.ingestion.video;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Decodes F frames spaced uniformly over a video with FFmpeg (JavaCV). Frame i is taken at the
 * middle of the i-th of F equal segments, as video models commonly sample.
 */
public final class VideoFrameSampler {
  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private final int frames;

  public VideoFrameSampler(int frames) {
    if (frames < 1) throw new IllegalArgumentException("frames must be >= 1, was " + frames);
    this.frames = frames;
  }

  public List<BufferedImage> sample(Path video) {
    String uri = video.toString();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      int total = grabber.getLengthInVideoFrames();
      if (total <= 0 || grabber.getImageWidth() <= 0) {
        throw new VideoDecodeException(uri, "no video stream or no frames", null);
      }
      List<BufferedImage> out = new ArrayList<>(frames);
      // Sequential decoding: seeking is unreliable for tiny clips and costs a keyframe decode.
      // Only the F wanted frames are converted to RGB (FFmpeg's swscale); the others are decoded
      // and dropped, as converting them was wasted work.
      int next = 0;
      int index = 0;
      while (next < frames) {
        boolean wanted = index == wanted(next, total);
        Frame frame = grabber.grabFrame(false, true, wanted, false, false);
        if (frame == null) break;
        if (wanted) {
          BufferedImage image = converter.convert(frame);
          while (next < frames && index == wanted(next, total)) {
            out.add(copy(image));
            next++;
          }
        }
        index++;
      }
      if (out.isEmpty()) throw new VideoDecodeException(uri, "decoded no frames", null);
      // Containers can overstate their frame count; repeat the last frame rather than fail.
      while (out.size() < frames) out.add(out.get(out.size() - 1));
      return out;
    } catch (VideoDecodeException e) {
      throw e;
    } catch (Exception e) {
      throw new VideoDecodeException(uri, String.valueOf(e.getMessage()), e);
    }
  }

  /** Index of the frame at the middle of the {@code i}-th of F equal segments. */
  private int wanted(int i, int total) {
    return (int) Math.min(total - 1, Math.floor((i + 0.5) * total / frames));
  }

  private static BufferedImage copy(BufferedImage image) {
    // The converter reuses its buffer between frames.
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(image, 0, 0, null);
    return out;
  }
}
