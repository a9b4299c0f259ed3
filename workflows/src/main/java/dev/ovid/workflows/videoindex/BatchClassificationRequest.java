package dev.ovid.workflows.videoindex;

/**
 * Classify every video of a dataset version with a model version against a published vocabulary
 * version: per video, its {@code top} labels and every label passing the calibrated threshold.
 * {@code shardSize} is used when the dataset still has to be indexed.
 */
public record BatchClassificationRequest(
    long modelVersionId,
    long datasetVersionId,
    long vocabularyVersionId,
    int top,
    int shardSize,
    String actor) {

  /** One workflow per input and installation: asking twice finds the first (idempotent). */
  public String workflowId(String queueBase) {
    return queueBase
        + "-batch-classify-m"
        + modelVersionId
        + "-d"
        + datasetVersionId
        + "-v"
        + vocabularyVersionId
        + "-k"
        + top;
  }
}
