package dev.ovid.activities.promotion;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.ForbiddenException;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelPromotion;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.Promotions;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.workflows.promotion.Decision;
import dev.ovid.workflows.promotion.PromotionActivities;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Records promotion decisions and moves the production alias, mirrored to MLflow. */
@ApplicationScoped
public class PromotionActivitiesImpl implements PromotionActivities {
  private static final Logger LOG = Logger.getLogger(PromotionActivitiesImpl.class);

  @Inject Promotions promotions;
  @Inject ModelRegistry models;
  @Inject MlflowTracker mlflow;

  @Override
  public boolean recordDecision(long promotionId, Decision decision) {
    try {
      promotions.decide(promotionId, decision.approve(), decision.user(), decision.comment());
      return true;
    } catch (ForbiddenException | ConflictException e) {
      LOG.warnf(
          "promotion %d: decision by %s refused: %s", promotionId, decision.user(), e.getMessage());
      return false;
    }
  }

  @Override
  public List<Long> moveProductionAlias(long promotionId) {
    ModelPromotion p = promotions.get(promotionId);
    models.setAlias(
        p.modelVersion.id,
        ModelAlias.PRODUCTION,
        p.decidedBy,
        "promotion " + promotionId + " approved: " + p.decisionComment);
    // Strict: an MLflow that is down makes Temporal retry until both registries agree.
    mlflow.setModelAlias(p.modelVersion, ModelAlias.PRODUCTION);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Vocabulary.<Vocabulary>listAll().stream()
                    .map(VocabularyVersion::latest)
                    .flatMap(Optional::stream)
                    .map(v -> v.id)
                    .toList());
  }

  @Override
  public void expire(long promotionId) {
    promotions.expire(promotionId);
  }
}
