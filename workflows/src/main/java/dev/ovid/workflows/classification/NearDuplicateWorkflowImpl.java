package dev.ovid.workflows.classification;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

public class NearDuplicateWorkflowImpl implements NearDuplicateWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final InferenceActivities inference =
      Workflow.newActivityStub(
          InferenceActivities.class,
          ActivityRetries.on(queues.inference(), Duration.ofMinutes(5), null));

  @Override
  public List<SimilarLabel> check(SimilarLabelsRequest request) {
    return inference.similarLabels(request);
  }
}
