package dev.ovid.workflows.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.expansion.ExpansionActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The promotion waits for a decision the four-eyes rule accepts, then moves and expands. */
class PromotionWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(PromotionWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final PromotionActivities promotions =
      mock(PromotionActivities.class, withSettings().withoutAnnotations());
  private final ExpansionActivities expansion =
      mock(ExpansionActivities.class, withSettings().withoutAnnotations());

  private PromotionWorkflow start(TestWorkflowEnvironment env, Worker worker) {
    env.newWorker(TaskQueues.ofWorkflowQueue(worker.getTaskQueue()).cpu())
        .registerActivitiesImplementations(promotions, expansion);
    env.start();
    PromotionWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                PromotionWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(worker.getTaskQueue())
                    .setWorkflowId("promote-3")
                    .build());
    WorkflowClient.start(workflow::promote, new PromotionRequest(9, 3, "mlops"));
    return workflow;
  }

  @Test
  void aRefusedDeciderIsIgnoredAndAnApprovalMovesTheAliasAndExpands(
      TestWorkflowEnvironment env, Worker worker) {
    when(promotions.recordDecision(anyLong(), any()))
        .thenAnswer(i -> !((Decision) i.getArgument(1)).user().equals("mlops"));
    when(promotions.moveProductionAlias(9)).thenReturn(List.of(41L, 42L));
    PromotionWorkflow workflow = start(env, worker);

    workflow.decide(new Decision("mlops", true, "my own"));
    workflow.decide(new Decision("approver", true, "fine"));
    PromotionOutcome outcome = WorkflowStub.fromTyped(workflow).getResult(PromotionOutcome.class);

    assertEquals("APPROVED", outcome.status());
    assertEquals("approver", outcome.decidedBy());
    assertEquals(List.of(41L, 42L), outcome.expanded());
    verify(expansion)
        .expandVersion(
            org.mockito.ArgumentMatchers.argThat(
                r -> r.vocabularyVersionId() == 42L && r.modelVersionId() == 3L));
  }

  @Test
  void aRejectionMovesNothing(TestWorkflowEnvironment env, Worker worker) {
    when(promotions.recordDecision(anyLong(), any())).thenReturn(true);
    PromotionWorkflow workflow = start(env, worker);
    workflow.decide(new Decision("approver", false, "not now"));
    assertEquals(
        "REJECTED", WorkflowStub.fromTyped(workflow).getResult(PromotionOutcome.class).status());
    verify(promotions, never()).moveProductionAlias(anyLong());
  }

  @Test
  void nobodyDecidingExpiresTheProposal(TestWorkflowEnvironment env, Worker worker) {
    PromotionWorkflow workflow = start(env, worker);
    env.sleep(Duration.ofDays(15));
    assertEquals(
        "EXPIRED", WorkflowStub.fromTyped(workflow).getResult(PromotionOutcome.class).status());
    verify(promotions).expire(9);
  }
}
