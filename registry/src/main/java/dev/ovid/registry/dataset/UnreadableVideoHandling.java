package dev.ovid.registry.dataset;

/**
 * What curation does with a video of a source that does not decode. Either way it is reported with
 * its URI and the reason, never dropped silently.
 */
public enum UnreadableVideoHandling {
  /** Stop curation with an error naming the video. */
  FAIL,
  /** Leave the video out and list it in the curation report. */
  SKIP
}
