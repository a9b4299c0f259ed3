package dev.ovid.activities.ingestion.tfrecord;

import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException.Kind;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the records of a TFRecord file: each is a little-endian uint64 length, the masked CRC32C
 * of those 8 bytes, the data, and the masked CRC32C of the data. Only one record is held in memory
 * at a time; both checksums are verified.
 */
public final class TfRecordReader implements Closeable {

  /** Records larger than this are taken as corruption rather than allocated. */
  public static final long MAX_RECORD_BYTES = 256L << 20;

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final String source;
  private final byte[] header = new byte[12];
  private final ByteBuffer headerView = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
  private final byte[] footer = new byte[4];
  private long position;
  private long recordOffset = -1;
  private long records;

  public TfRecordReader(InputStream in, String source) {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, BUFFER);
    this.source = source;
  }

  public static TfRecordReader open(Path file) throws IOException {
    return new TfRecordReader(Files.newInputStream(file), file.toString());
  }

  /**
   * The next record's data, or {@code null} at a clean end of file.
   *
   * @throws TfRecordFormatException on a checksum mismatch or a record cut short
   */
  public byte[] next() throws IOException {
    recordOffset = position;
    int n = in.readNBytes(header, 0, 12);
    position += n;
    if (n == 0) {
      return null;
    }
    if (n < 12) {
      throw error(Kind.TRUNCATED, "record header cut short: " + n + " of 12 bytes");
    }
    long length = headerView.getLong(0);
    int lengthCrc = headerView.getInt(8);
    if (MaskedCrc32c.of(header, 0, 8) != lengthCrc) {
      throw error(Kind.LENGTH_CRC, "length checksum mismatch (corrupt record header)");
    }
    if (length < 0 || length > MAX_RECORD_BYTES) {
      throw error(Kind.TRUNCATED, "implausible record length " + Long.toUnsignedString(length));
    }
    byte[] data = new byte[(int) length];
    n = in.readNBytes(data, 0, data.length);
    position += n;
    if (n < data.length) {
      throw error(Kind.TRUNCATED, "record data cut short: " + n + " of " + length + " bytes");
    }
    n = in.readNBytes(footer, 0, 4);
    position += n;
    if (n < 4) {
      throw error(Kind.TRUNCATED, "record data checksum cut short: " + n + " of 4 bytes");
    }
    int dataCrc =
        (footer[0] & 0xff)
            | (footer[1] & 0xff) << 8
            | (footer[2] & 0xff) << 16
            | (footer[3] & 0xff) << 24;
    if (MaskedCrc32c.of(data, 0, data.length) != dataCrc) {
      throw error(Kind.DATA_CRC, "data checksum mismatch (corrupt record of " + length + " bytes)");
    }
    records++;
    return data;
  }

  /** Byte offset of the record last returned (or failed on). */
  public long recordOffset() {
    return recordOffset;
  }

  /** Bytes consumed so far. */
  public long position() {
    return position;
  }

  /** Records returned so far. */
  public long records() {
    return records;
  }

  public String source() {
    return source;
  }

  private TfRecordFormatException error(Kind kind, String problem) {
    return new TfRecordFormatException(kind, source, recordOffset, problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
