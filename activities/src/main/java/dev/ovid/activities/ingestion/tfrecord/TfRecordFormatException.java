package dev.ovid.activities.ingestion.tfrecord;

import java.io.IOException;

/** A TFRecord file that is corrupt or not in the expected format; says where. */
public final class TfRecordFormatException extends IOException {

  /** What went wrong, for callers that react differently (e.g. skip versus fail). */
  public enum Kind {
    LENGTH_CRC,
    DATA_CRC,
    TRUNCATED,
    BAD_PROTO,
    MISSING_FEATURE,
    WRONG_FEATURE_TYPE,
    BAD_FEATURE_SIZE,
    UNKNOWN_LABEL
  }

  private final Kind kind;
  private final String source;
  private final long offset;

  public TfRecordFormatException(Kind kind, String source, long offset, String problem) {
    this(kind, source, offset, problem, null);
  }

  public TfRecordFormatException(
      Kind kind, String source, long offset, String problem, Throwable cause) {
    super(source + " at byte offset " + offset + ": " + problem, cause);
    this.kind = kind;
    this.source = source;
    this.offset = offset;
  }

  public Kind kind() {
    return kind;
  }

  /** The file or stream name. */
  public String source() {
    return source;
  }

  /** Byte offset of the start of the bad record in the file. */
  public long offset() {
    return offset;
  }
}
