package dev.ovid.activities.curation.vocabulary;

/** Told how far curation has read, e.g. to heartbeat a Temporal activity. */
@FunctionalInterface
public interface CurationProgressListener {
  CurationProgressListener NONE = rows -> {};

  /** Called every few hundred rows and once at the end with the rows read so far. */
  void rowsRead(long rows);
}
