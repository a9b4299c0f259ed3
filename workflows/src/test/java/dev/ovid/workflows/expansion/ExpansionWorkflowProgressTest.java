package dev.ovid.workflows.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The expansion's query answers in labels: what its activity signalled, then the final count. */
class ExpansionWorkflowProgressTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(ExpansionWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final ExpansionActivities activities =
      mock(ExpansionActivities.class, withSettings().withoutAnnotations());

  @Test
  void progressCountsLabelsSignalledByTheActivityAndNeverMovesBack(
      TestWorkflowEnvironment env, Worker worker) {
    AtomicReference<ExpansionProgress> during = new AtomicReference<>();
    when(activities.expandVersion(any()))
        .thenAnswer(
            i -> {
              String id = Activity.getExecutionContext().getInfo().getWorkflowId();
              ExpansionWorkflow self =
                  env.getWorkflowClient().newWorkflowStub(ExpansionWorkflow.class, id);
              self.labelsEmbedded(new ExpansionHeartbeat(64, 150));
              self.labelsEmbedded(new ExpansionHeartbeat(10, 150)); // late: ignored
              during.set(self.progress());
              return new LabelEmbeddingSetRef(
                  5, 3, 4, new ObjectRef("s3://b/l", "l", 0), 150, true);
            });
    env.newWorker(TaskQueues.ofWorkflowQueue(worker.getTaskQueue()).cpu())
        .registerActivitiesImplementations(activities);
    env.start();
    ExpansionWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ExpansionWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());

    workflow.expand(new ExpandVocabularyRequest(3, 4, "product"));

    assertEquals("embedding", during.get().state());
    assertEquals(64, during.get().labelsDone());
    assertEquals(150, during.get().labelsTotal());
    ExpansionProgress done = workflow.progress();
    assertEquals("done", done.state());
    assertEquals(150, done.labelsDone());
    assertEquals(150, done.labelsTotal());
  }
}
