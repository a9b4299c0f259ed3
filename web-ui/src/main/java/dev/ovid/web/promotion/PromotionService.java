package dev.ovid.web.promotion;

import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.model.ModelPromotion;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.Promotions;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.promotion.Decision;
import dev.ovid.workflows.promotion.PromotionRequest;
import dev.ovid.workflows.promotion.PromotionWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Proposes promotions (one workflow each, waiting for a decision) and passes approvers' decisions
 * to them. The four-eyes rule is checked here, so a refused approver gets a 403 at once, and again
 * by the workflow's activity.
 */
@ApplicationScoped
public class PromotionService {
  @Inject Promotions promotions;
  @Inject ModelRegistry models;
  @Inject TemporalConnection temporal;

  public ModelPromotion propose(int version, String user, String comment) {
    String down = temporal.problem();
    if (down != null)
      throw new ServiceUnavailableException("Temporal is not reachable: " + down, null);
    ModelVersion target = models.version(models.modelName(), version);
    String workflowId =
        temporal.settings().queues().base()
            + "-promote-m"
            + target.id
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    ModelPromotion promotion = promotions.propose(target.id, workflowId, user, comment);
    PromotionWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                PromotionWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .build());
    try {
      WorkflowClient.start(workflow::promote, new PromotionRequest(promotion.id, target.id, user));
    } catch (RuntimeException e) {
      promotions.expire(promotion.id);
      throw new ServiceUnavailableException("could not start the promotion: " + e.getMessage(), e);
    }
    return promotions.get(promotion.id);
  }

  public ModelPromotion decide(long promotionId, boolean approve, String user, String comment) {
    ModelPromotion promotion = promotions.checkDecider(promotionId, user);
    temporal
        .client()
        .newWorkflowStub(PromotionWorkflow.class, promotion.workflowId)
        .decide(new Decision(user, approve, comment));
    return promotion;
  }
}
