package dev.ovid.workflows.promotion;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Waits for a human decision on a promotion; on approval moves the production alias (Ovid and
 * MLflow) and expands the published vocabularies for the new production model.
 */
@WorkflowInterface
public interface PromotionWorkflow {
  @WorkflowMethod
  PromotionOutcome promote(PromotionRequest request);

  @SignalMethod
  void decide(Decision decision);

  /** PENDING, APPROVED, EXPANDING, REJECTED, EXPIRED or DONE. */
  @QueryMethod
  String status();
}
