package dev.ovid.activities.ingestion.video;

/** A video that cannot be decoded, with the video's location and the reason. */
public class VideoDecodeException extends RuntimeException {
  private final String uri;

  public VideoDecodeException(String uri, String reason, Throwable cause) {
    super("cannot decode video " + uri + ": " + reason, cause);
    this.uri = uri;
  }

  public String uri() {
    return uri;
  }
}
