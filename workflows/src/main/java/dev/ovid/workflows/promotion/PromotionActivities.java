package dev.ovid.workflows.promotion;

import io.temporal.activity.ActivityInterface;
import java.util.List;

@ActivityInterface
public interface PromotionActivities {
  /** Records the decision; false when the four-eyes rule refuses this user (keep waiting). */
  boolean recordDecision(long promotionId, Decision decision);

  /**
   * Points production at the version in Ovid and in MLflow; returns the latest published version of
   * each vocabulary, to expand for the new production model.
   */
  List<Long> moveProductionAlias(long promotionId);

  void expire(long promotionId);
}
