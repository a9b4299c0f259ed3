package dev.ovid.workflows.promotion;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.expansion.ExpandVocabularyRequest;
import dev.ovid.workflows.expansion.ExpansionActivities;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

public class PromotionWorkflowImpl implements PromotionWorkflow {
  /** A proposal nobody decides on expires after this long. */
  static final Duration DECISION_WINDOW = Duration.ofDays(14);

  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final PromotionActivities promotions =
      Workflow.newActivityStub(
          PromotionActivities.class, ActivityRetries.on(queues.cpu(), Duration.ofMinutes(2), null));
  private final ExpansionActivities expansion =
      Workflow.newActivityStub(
          ExpansionActivities.class,
          ActivityRetries.on(queues.cpu(), Duration.ofHours(1), Duration.ofMinutes(2)));

  private final Deque<Decision> decisions = new ArrayDeque<>();
  private String status = "PENDING";

  @Override
  public PromotionOutcome promote(PromotionRequest request) {
    Decision accepted = null;
    long deadline = Workflow.currentTimeMillis() + DECISION_WINDOW.toMillis();
    while (accepted == null) {
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0 || !Workflow.await(Duration.ofMillis(left), () -> !decisions.isEmpty())) {
        promotions.expire(request.promotionId());
        status = "EXPIRED";
        return new PromotionOutcome(status, null, List.of());
      }
      Decision next = decisions.poll();
      // The four-eyes rule is checked where the users are known; a refused decision is ignored.
      if (promotions.recordDecision(request.promotionId(), next)) accepted = next;
    }
    if (!accepted.approve()) {
      status = "REJECTED";
      return new PromotionOutcome(status, accepted.user(), List.of());
    }
    status = "APPROVED";
    List<Long> vocabularies = promotions.moveProductionAlias(request.promotionId());
    status = "EXPANDING";
    List<Long> expanded = new ArrayList<>();
    for (long vocabularyVersionId : vocabularies) {
      expansion.expandVersion(
          new ExpandVocabularyRequest(
              request.modelVersionId(), vocabularyVersionId, "workflow:promotion"));
      expanded.add(vocabularyVersionId);
    }
    status = "DONE";
    return new PromotionOutcome("APPROVED", accepted.user(), expanded);
  }

  @Override
  public void decide(Decision decision) {
    decisions.add(decision);
  }

  @Override
  public String status() {
    return status;
  }
}
