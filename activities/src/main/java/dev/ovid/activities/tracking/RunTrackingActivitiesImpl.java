package dev.ovid.activities.tracking;

import dev.ovid.activities.common.Actors;
import dev.ovid.activities.common.BuildInfo;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.tracking.RunOutcome;
import dev.ovid.registry.tracking.RunSpec;
import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.PipelineStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
public class RunTrackingActivitiesImpl
    implements dev.ovid.workflows.tracking.RunTrackingActivities {

  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;

  @Override
  public String startRun(PipelineRequest request, String workflowId) {
    TrainingRun run = runs.get(request.runId());
    var mlflowRun =
        mlflow.startRun(
            new RunSpec(
                String.valueOf(request.runId()),
                "ovid-run-" + request.runId(),
                workflowId,
                null,
                run.vocabulary.name + "@" + run.vocabularyVersion,
                BuildInfo.gitCommit(),
                Map.of("ovid.dataset", request.datasetName())));
    mlflow.logParams(mlflowRun.runId(), params(request));
    runs.attachWorkflow(request.runId(), workflowId, Actors.WORKER);
    runs.attachMlflowRun(request.runId(), mlflowRun.runId(), Actors.WORKER);
    return mlflowRun.runId();
  }

  @Override
  public void stageChanged(long runId, PipelineStage stage) {
    double fraction = (stage.ordinal() - PipelineStage.CURATE.ordinal()) / 5.0;
    runs.updateProgress(
        runId,
        stage.name(),
        fraction,
        stage.name().toLowerCase() + " started",
        null,
        null,
        Actors.WORKER);
  }

  @Override
  public void finishRun(long runId, PipelineStage finalStage, String message) {
    RunStatus status =
        switch (finalStage) {
          case SUCCEEDED -> RunStatus.SUCCEEDED;
          case CANCELLED -> RunStatus.CANCELLED;
          default -> RunStatus.FAILED;
        };
    TrainingRun run = runs.updateStatus(runId, status, message, Actors.WORKER);
    if (run.mlflowRunId != null) {
      mlflow.setTerminated(
          run.mlflowRunId,
          switch (status) {
            case SUCCEEDED -> RunOutcome.FINISHED;
            case CANCELLED -> RunOutcome.KILLED;
            default -> RunOutcome.FAILED;
          });
    }
  }

  static Map<String, Object> params(PipelineRequest request) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("dataset", request.datasetName());
    params.put("vocabularyId", request.vocabularyId());
    params.putAll(request.hyperparameters().asFlatMap());
    return params;
  }
}
