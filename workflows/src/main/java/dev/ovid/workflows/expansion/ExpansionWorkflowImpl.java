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
      progress =
          new ExpansionProgress(
              "done",
              1.0,
              result.labelCount() + " labels embedded",
              result.labelCount(),
              result.labelCount());
      return result;
    } catch (ActivityFailure failure) {
      progress =
          new ExpansionProgress(
              "failed",
              progress.fraction(),
              failure.getCause().getMessage(),
              progress.labelsDone(),
              progress.labelsTotal());
      throw failure;
    }
  }

  @Override
  public void labelsEmbedded(ExpansionHeartbeat heartbeat) {
    // Signals can arrive late or twice: progress never moves back, and never past "done".
    if (!"embedding".equals(progress.state()) || heartbeat.done() < progress.labelsDone()) return;
    double fraction =
        heartbeat.total() == 0 ? 0.1 : 0.1 + 0.9 * heartbeat.done() / heartbeat.total();
    progress =
        new ExpansionProgress(
            "embedding",
            Math.min(fraction, 0.99),
            heartbeat.done() + " of " + heartbeat.total() + " labels embedded",
            heartbeat.done(),
            heartbeat.total());
  }

  @Override
  public ExpansionProgress progress() {
    return progress;
  }
}
