package dev.ovid.workflows.pipeline;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** curate → train → expand vocabulary → evaluate → register, as one durable run. */
@WorkflowInterface
public interface TrainingPipelineWorkflow {
  @WorkflowMethod
  PipelineResult run(PipelineRequest request);

  @QueryMethod
  PipelineProgress progress();
}
