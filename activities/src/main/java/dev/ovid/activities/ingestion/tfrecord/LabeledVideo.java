package dev.ovid.activities.ingestion.tfrecord;

/** A parsed YouTube-8M record: a video id, its label ids, and features. */
public interface LabeledVideo<T extends LabeledVideo<T>> {
  String id();

  int[] labels();

  /** The same video with other label ids (after remapping to a curated vocabulary). */
  T withLabels(int[] labels);
}
