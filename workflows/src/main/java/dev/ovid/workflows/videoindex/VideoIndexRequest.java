package dev.ovid.workflows.videoindex;

/**
 * Embed every video of a dataset version with a model version's video encoder, {@code shardSize}
 * videos per activity.
 */
public record VideoIndexRequest(
    long modelVersionId, long datasetVersionId, int shardSize, String actor) {

  /** One workflow per pair and installation: starting it twice finds the first (idempotent). */
  public String workflowId(String queueBase) {
    return queueBase + "-video-index-m" + modelVersionId + "-d" + datasetVersionId;
  }
}
