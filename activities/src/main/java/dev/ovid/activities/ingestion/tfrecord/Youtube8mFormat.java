package dev.ovid.activities.ingestion.tfrecord;

/**
 * Feature sizes of YouTube-8M records. {@link #DEFAULT} is the public dataset's (google/youtube-8m
 * readers.py): 1024 RGB and 128 audio features, at most 300 frames per video.
 */
public record Youtube8mFormat(int rgbSize, int audioSize, int maxFrames) {
  public static final Youtube8mFormat DEFAULT = new Youtube8mFormat(1024, 128, 300);

  public Youtube8mFormat {
    if (rgbSize <= 0 || audioSize <= 0 || maxFrames <= 0) {
      throw new IllegalArgumentException("sizes must be positive: " + this);
    }
  }

  /** YouTube-8M frame features are uint8 quantized over [-2, 2]: x = q * 4/255 + 4/512 - 2. */
  public static float dequantize(byte q) {
    return (q & 0xff) * (4f / 255f) + (4f / 512f - 2f);
  }
}
