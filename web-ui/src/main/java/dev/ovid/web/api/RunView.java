package dev.ovid.web.api;

import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training run as the API shows it in lists and after a launch. */
@Schema(name = "Run")
public record RunView(
    long id,
    RunStatus status,
    String stage,
    double progress,
    String message,
    String datasetName,
    long vocabularyId,
    String vocabularyName,
    int vocabularyVersion,
    String launchedBy,
    String workflowId,
    String mlflowRunId,
    Long lastStep,
    Double lastLoss,
    Instant createdAt,
    Instant finishedAt,
    @Schema(description = "the run whose checkpoint this run resumed from (retry from checkpoint)")
        Long resumeFromRunId,
    @Schema(description = "the Temporal Schedule that started this run") String scheduleId,
    @Schema(description = "self, loss, ui and, once known, mlflow and temporal")
        Map<String, String> links) {

  static RunView of(TrainingRun run, Map<String, String> links) {
    return new RunView(
        run.id,
        run.status,
        run.stage,
        run.progress,
        run.message,
        run.datasetName,
        run.vocabulary.id,
        run.vocabulary.name,
        run.vocabularyVersion,
        run.launchedBy,
        run.workflowId,
        run.mlflowRunId,
        run.lastStep,
        run.lastLoss,
        run.createdAt,
        run.finishedAt,
        run.resumeFromRunId,
        run.scheduleId,
        links);
  }
}
