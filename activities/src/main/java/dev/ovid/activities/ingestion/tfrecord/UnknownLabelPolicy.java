package dev.ovid.activities.ingestion.tfrecord;

/**
 * What to do with a label id that is not in the original vocabulary at all (as opposed to one that
 * curation removed, which is always dropped silently and counted).
 */
public enum UnknownLabelPolicy {
  /** Stop with a {@link TfRecordFormatException} naming the file, offset and id (the default). */
  FAIL,
  /** Drop the id, count it in {@link ReaderStatistics#unknownLabels()}, and go on. */
  COUNT
}
