package dev.ovid.model.metrics.io;

/** What to do with a positive (video, label) pair in the labels file that has no score row. */
public enum MissingPositivePolicy {
  /** Reject the input, naming the labels file and line: scores should cover every positive. */
  ERROR,
  /**
   * Count it as a positive that was never retrieved: it adds to the recall denominator (AUPR, mAP,
   * F1, GAP) but never to the true positives, as YouTube-8M does for labels outside the top k.
   */
  COUNT_AS_MISSED
}
