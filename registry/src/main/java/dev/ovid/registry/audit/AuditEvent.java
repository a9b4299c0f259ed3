package dev.ovid.registry.audit;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * One entry of the append-only, hash-chained audit log. Written only through {@link AuditLog}; the
 * database rejects UPDATE, DELETE and TRUNCATE on its table, and {@link AuditChain} shows a change
 * made behind that trigger's back.
 */
@Entity
@Table(name = "audit_event")
@Immutable
public class AuditEvent extends OvidEntity {
  @Column(nullable = false, length = 200)
  public String actor;

  /** Dotted verb, e.g. "vocabulary.created", "run.status-changed". */
  @Column(nullable = false, length = 100)
  public String action;

  @Column(name = "entity_type", nullable = false, length = 100)
  public String entityType;

  @Column(name = "entity_id", nullable = false, length = 200)
  public String entityId;

  @Column(name = "detail_json", columnDefinition = "text")
  public String detailJson;

  @Column(nullable = false)
  public Instant at;

  /**
   * Hash of the entry before this one ({@link AuditChain#GENESIS} for the first); null before the
   * log was chained.
   */
  @Column(name = "prev_hash", length = 64)
  public String prevHash;

  /** {@link AuditChain#hash} of this entry. */
  @Column(length = 64)
  public String hash;

  public static List<AuditEvent> forEntity(String entityType, String entityId) {
    return list("entityType = ?1 and entityId = ?2 order by id", entityType, entityId);
  }
}
