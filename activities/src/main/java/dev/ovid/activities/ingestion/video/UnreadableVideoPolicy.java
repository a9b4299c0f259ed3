package dev.ovid.activities.ingestion.video;

/** What loading does with a video that does not decode: it is always reported, never ignored. */
public enum UnreadableVideoPolicy {
  /** Stop with an error naming the video and the reason. */
  FAIL,
  /** Leave the video out, and list it with the reason in the load report. */
  SKIP
}
