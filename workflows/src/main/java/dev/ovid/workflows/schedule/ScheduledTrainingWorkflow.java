package dev.ovid.workflows.schedule;

import dev.ovid.workflows.pipeline.PipelineResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The action of an Ovid schedule: creates a run and runs the training pipeline as its child, so the
 * schedule's overlap policy (skip, buffer one, cancel the other) applies to whole pipelines.
 */
@WorkflowInterface
public interface ScheduledTrainingWorkflow {
  @WorkflowMethod
  PipelineResult run(ScheduledTrainingRequest request);
}
