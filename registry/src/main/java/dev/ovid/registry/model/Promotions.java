package dev.ovid.registry.model;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.ForbiddenException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Promotion proposals and decisions, with the four-eyes rule: whoever launched the model's run, or
 * proposed the promotion, cannot decide it. Every step is audited.
 */
@ApplicationScoped
public class Promotions {
  @Inject AuditLog audit;
  @Inject ModelRegistry models;

  /** Records a pending proposal; one pending proposal at a time per model. */
  @Transactional
  public ModelPromotion propose(
      long modelVersionId, String workflowId, String actor, String comment) {
    ModelVersion version = ModelVersion.findById(modelVersionId, LockModeType.PESSIMISTIC_WRITE);
    if (version == null) throw NotFoundException.of("model version", modelVersionId);
    if (ModelPromotion.count(
            "modelVersion.modelName = ?1 and status = ?2",
            version.modelName,
            ModelPromotion.Status.PENDING)
        > 0) {
      throw new ConflictException(
          "a promotion of " + version.modelName + " is already waiting for a decision");
    }
    ModelVersion production = models.aliased(version.modelName, ModelAlias.PRODUCTION).orElse(null);
    if (production != null && production.id.equals(version.id)) {
      throw new ConflictException(
          version.modelName + "@" + version.version + " is already in production");
    }
    ModelPromotion p = new ModelPromotion();
    p.modelVersion = version;
    p.workflowId = ValidationException.requireText("workflowId", workflowId);
    p.kind =
        production != null && version.version < production.version
            ? ModelPromotion.Kind.ROLLBACK
            : ModelPromotion.Kind.PROMOTE;
    p.status = ModelPromotion.Status.PENDING;
    p.proposedBy = ValidationException.requireText("actor", actor);
    p.proposalComment = comment == null || comment.isBlank() ? null : comment.trim();
    p.createdAt = Instant.now();
    p.persist();
    audit.record(
        actor,
        "model.promotion-proposed",
        "model-version",
        version.id,
        detail(
            "promotion",
            p.id,
            "kind",
            p.kind,
            "version",
            version.version,
            "fromVersion",
            production == null ? null : production.version,
            "comment",
            p.proposalComment,
            "workflowId",
            workflowId));
    return p;
  }

  /**
   * Throws {@link ForbiddenException} unless {@code user} may decide the promotion (four eyes), and
   * {@link ConflictException} when it is decided already.
   */
  @Transactional
  public ModelPromotion checkDecider(long promotionId, String user) {
    ModelPromotion p = get(promotionId);
    if (p.status != ModelPromotion.Status.PENDING) {
      throw new ConflictException("promotion " + promotionId + " is already " + p.status);
    }
    if (user.equals(p.modelVersion.run.launchedBy)) {
      throw new ForbiddenException(
          user + " launched the run of this model and cannot approve or reject its promotion");
    }
    if (user.equals(p.proposedBy)) {
      throw new ForbiddenException(user + " proposed this promotion and cannot decide it");
    }
    return p;
  }

  /** Records the decision (idempotent for the same decider and outcome), audited. */
  @Transactional
  public ModelPromotion decide(long promotionId, boolean approve, String user, String comment) {
    ModelPromotion p = ModelPromotion.findById(promotionId, LockModeType.PESSIMISTIC_WRITE);
    if (p == null) throw NotFoundException.of("promotion", promotionId);
    ModelPromotion.Status outcome =
        approve ? ModelPromotion.Status.APPROVED : ModelPromotion.Status.REJECTED;
    if (p.status == outcome && user.equals(p.decidedBy)) return p;
    checkDecider(promotionId, user);
    p.status = outcome;
    p.decidedBy = user;
    p.decisionComment = comment == null || comment.isBlank() ? null : comment.trim();
    p.decidedAt = Instant.now();
    audit.record(
        user,
        approve ? "model.promotion-approved" : "model.promotion-rejected",
        "model-version",
        p.modelVersion.id,
        detail("promotion", p.id, "version", p.modelVersion.version, "comment", p.decisionComment));
    return p;
  }

  @Transactional
  public ModelPromotion expire(long promotionId) {
    ModelPromotion p = ModelPromotion.findById(promotionId, LockModeType.PESSIMISTIC_WRITE);
    if (p == null) throw NotFoundException.of("promotion", promotionId);
    if (p.status != ModelPromotion.Status.PENDING) return p;
    p.status = ModelPromotion.Status.EXPIRED;
    p.decidedAt = Instant.now();
    audit.record(
        "system:promotion",
        "model.promotion-expired",
        "model-version",
        p.modelVersion.id,
        detail("promotion", p.id));
    return p;
  }

  @Transactional
  public ModelPromotion get(long promotionId) {
    ModelPromotion p = ModelPromotion.findById(promotionId);
    if (p == null) throw NotFoundException.of("promotion", promotionId);
    p.modelVersion.run.launchedBy.length();
    return p;
  }

  /** Promotions of the model, newest first. */
  @Transactional
  public List<ModelPromotion> list(String modelName) {
    List<ModelPromotion> all =
        ModelPromotion.list("modelVersion.modelName = ?1 order by id desc", modelName);
    all.forEach(p -> p.modelVersion.run.launchedBy.length());
    return all;
  }
}
