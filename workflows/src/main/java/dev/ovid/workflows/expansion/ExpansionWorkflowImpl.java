package dev.ovid.workflows.expansion;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class ExpansionWorkflowImpl implements ExpansionWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final ExpansionActivities expansion =
      Workflow.newActivityStub(
          ExpansionActivities.class,
          ActivityRetries.on(queues.cpu(), Duration.ofHours(1), Duration.ofMinutes(2)));

  private ExpansionProgress progress = new ExpansionProgress("queued", 0, "waiting for a worker");

  @Override
  public LabelEmbeddingSetRef expand(ExpandVocabularyRequest request) {
    progress = new ExpansionProgress("embedding", 0.1, "embedding the labels");
    try {
      LabelEmbeddingSetRef result = expansion.expandVersion(request);
      progress = new ExpansionProgress("done", 1.0, result.labelCount() + " labels embedded");
      return result;
    } catch (ActivityFailure failure) {
      progress =
          new ExpansionProgress("failed", progress.fraction(), failure.getCause().getMessage());
      throw failure;
    }
  }

  @Override
  public ExpansionProgress progress() {
    return progress;
  }
}
