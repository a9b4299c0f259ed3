package dev.ovid.workflows.schedule;

import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.PipelineResult;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class ScheduledTrainingWorkflowImpl implements ScheduledTrainingWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());

  private final ScheduleActivities activities =
      Workflow.newActivityStub(
          ScheduleActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(queues.cpu())
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setMaximumAttempts(10)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setDoNotRetry(
                          "dev.ovid.workflows.common.BadInputException",
                          "dev.ovid.registry.common.NotFoundException",
                          "dev.ovid.registry.common.ValidationException")
                      .build())
              .build());

  @Override
  public PipelineResult run(ScheduledTrainingRequest request) {
    // One pipeline per scheduled action, named after it, so a retried createRun finds its run.
    String pipelineId = Workflow.getInfo().getWorkflowId() + "-run";
    ScheduledRun run = activities.createRun(request, pipelineId);
    TrainingPipelineWorkflow pipeline =
        Workflow.newChildWorkflowStub(
            TrainingPipelineWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(run.workflowId())
                .setTaskQueue(Workflow.getInfo().getTaskQueue())
                .build());
    return pipeline.run(
        new PipelineRequest(
            run.runId(),
            request.datasetName(),
            run.vocabularyId(),
            request.hyperparameters(),
            null));
  }
}
