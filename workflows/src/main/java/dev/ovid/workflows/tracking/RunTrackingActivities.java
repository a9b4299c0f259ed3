package dev.ovid.workflows.tracking;

import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.PipelineStage;
import io.temporal.activity.ActivityInterface;

/** Keeps the database run row and the MLflow run in step with the workflow. */
@ActivityInterface
public interface RunTrackingActivities {
  /** Creates (or finds, when retried) the MLflow run for this pipeline run; returns its id. */
  String startRun(PipelineRequest request, String workflowId);

  void stageChanged(long runId, PipelineStage stage);

  void finishRun(long runId, PipelineStage finalStage, String message);
}
