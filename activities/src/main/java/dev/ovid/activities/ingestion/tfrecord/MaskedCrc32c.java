package dev.ovid.activities.ingestion.tfrecord;

import java.util.zip.CRC32C;

/**
 * TFRecord's checksum: CRC32C, rotated right by 15 bits plus a constant, so that a CRC stored
 * inside checksummed data does not checksum to a trivial value.
 */
public final class MaskedCrc32c {
  private static final int MASK_DELTA = 0xa282ead8;

  private MaskedCrc32c() {}

  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** Masked CRC32C of {@code len} bytes of {@code data} from {@code off}. */
  public static int of(byte[] data, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(data, off, len);
    return mask((int) crc.getValue());
  }
}
