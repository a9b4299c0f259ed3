package dev.ovid.activities.ingestion.video;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Checks that a video file decodes: FFmpeg (JavaCV) opens it, finds a video stream and decodes its
 * first picture. Cheaper than sampling, and enough to catch truncated or non-video files.
 */
public final class VideoProbe {
  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private VideoProbe() {}

  /** Throws {@link VideoDecodeException} with the reason when {@code file} is not a video. */
  public static void check(Path file, String uri) {
    if (!Files.isRegularFile(file)) throw new VideoDecodeException(uri, "no such file", null);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start();
      if (grabber.getImageWidth() <= 0) {
        throw new VideoDecodeException(uri, "no video stream", null);
      }
      if (grabber.grabImage() == null) {
        throw new VideoDecodeException(uri, "decoded no frames", null);
      }
    } catch (VideoDecodeException e) {
      throw e;
    } catch (Exception e) {
      throw new VideoDecodeException(uri, String.valueOf(e.getMessage()), e);
    }
  }
}
