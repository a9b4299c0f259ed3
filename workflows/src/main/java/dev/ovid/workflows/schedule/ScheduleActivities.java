package dev.ovid.workflows.schedule;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ScheduleActivities {
  /**
   * Creates the run row of one scheduled action with workflow id {@code pipelineWorkflowId}, or
   * returns the one a first attempt created.
   */
  ScheduledRun createRun(ScheduledTrainingRequest request, String pipelineWorkflowId);
}
