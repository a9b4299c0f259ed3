package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class LabelPreviewWorkflowImpl implements LabelPreviewWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final VideoIndexActivities index =
      Workflow.newActivityStub(
          VideoIndexActivities.class,
          ActivityRetries.on(queues.inference(), Duration.ofMinutes(5), null));

  @Override
  public LabelPreviewResult preview(LabelPreviewRequest request) {
    return index.preview(request);
  }
}
