package dev.ovid.registry.lineage;

import dev.ovid.registry.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run used and produced, read back by run id. Plain records (no entities), safe to
 * hand to REST, the UI or a test outside a transaction.
 */
public record RunLineage(
    RunInfo run,
    DatasetInfo dataset,
    VocabularyInfo vocabulary,
    List<ModelInfo> models,
    List<EvaluationInfo> evaluations,
    String mlflowRunId,
    String workflowId) {

  public record RunInfo(
      long id,
      RunStatus status,
      String stage,
      double progress,
      String message,
      String launchedBy,
      Map<String, Object> hyperparameters,
      Instant createdAt,
      Instant finishedAt,
      Long lastStep,
      Double lastLoss) {}

  /** {@code version}, {@code manifestUri}... are null while curation has not run yet. */
  public record DatasetInfo(
      String name,
      Long versionId,
      Integer version,
      String manifestUri,
      String manifestSha256,
      Integer videoCount,
      Integer labelCount,
      String curationReportUri) {}

  /**
   * {@code versionAtLaunch}: the published version the run trained with, whose exact label set is
   * {@code labels} (stored under {@code sha256} at {@code objectUri}; all null for runs from before
   * published versions); {@code currentVersion}: the draft's revision counter now (it counts edits,
   * not published versions); {@code currentLabelCount}: the draft's labels now; {@code
   * latestPublishedVersion}: the newest published version now (null when none is).
   */
  public record VocabularyInfo(
      long id,
      String name,
      int versionAtLaunch,
      int currentVersion,
      int currentLabelCount,
      Integer latestPublishedVersion,
      Long versionId,
      String sha256,
      String objectUri,
      List<dev.ovid.registry.vocabulary.VersionedLabel> labels) {}

  public record ModelInfo(
      long id,
      String modelName,
      int version,
      String checkpointUri,
      String checkpointSha256,
      String labelEmbeddingsUri,
      String labelEmbeddingsSha256,
      String mlflowRunId,
      Instant createdAt) {}

  public record EvaluationInfo(
      long id,
      Long modelVersionId,
      long datasetVersionId,
      double aupr,
      double peakF1,
      double peakF1Threshold,
      String reportUri,
      Instant createdAt) {}
}
