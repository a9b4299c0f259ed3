package dev.ovid.registry.model;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A proposal to point the production alias at a model version, and its decision. */
@Entity
@Table(name = "model_promotion")
public class ModelPromotion extends OvidEntity {
  public enum Kind {
    PROMOTE,
    ROLLBACK
  }

  public enum Status {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED
  }

  @ManyToOne(optional = false)
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @Column(name = "workflow_id", nullable = false, unique = true, length = 255)
  public String workflowId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Status status;

  @Column(name = "proposed_by", nullable = false, length = 200)
  public String proposedBy;

  @Column(name = "proposal_comment", columnDefinition = "text")
  public String proposalComment;

  @Column(name = "decided_by", length = 200)
  public String decidedBy;

  @Column(name = "decision_comment", columnDefinition = "text")
  public String decisionComment;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "decided_at")
  public Instant decidedAt;
}
