package dev.ovid.registry.audit;

import dev.ovid.registry.common.Echo;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the append-only, hash-chained audit log. Joins the caller's transaction, so an audit entry
 * commits or rolls back together with the change it describes. It records what people and workflows
 * decide and change, not measurements such as training progress or loss.
 */
@ApplicationScoped
public class AuditLog {
  /** Advisory-lock key that serialises appends to the chain ("ovidaudt"). */
  static final long CHAIN_LOCK = 0x6f76696461756474L;

  @Inject EntityManager em;

  /**
   * Appends one event.
   *
   * @param actor who made the change (user name, "system", "workflow:&lt;id&gt;")
   * @param action dotted verb such as "vocabulary.label-added"
   * @param entityType "vocabulary", "run", "model-version"...
   * @param entityId the entity's id as text
   * @param detail anything Jackson can write (a Map or a record); null for none
   */
  @Transactional
  public AuditEvent record(
      String actor, String action, String entityType, Object entityId, Object detail) {
    AuditEvent event = new AuditEvent();
    event.actor = Echo.clip(ValidationException.requireText("actor", actor), 150);
    event.action = ValidationException.requireText("action", action);
    event.entityType = ValidationException.requireText("entityType", entityType);
    event.entityId =
        Echo.clip(ValidationException.requireText("entityId", String.valueOf(entityId)), 150);
    event.detailJson = Json.write(detail == null ? Map.of() : detail);
    event.at = AuditChain.stored(Instant.now());
    // Appends are serialised until the caller's transaction commits, so each entry links to the
    // one committed before it; ids are taken under the lock, so id order is chain order.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
    @SuppressWarnings("unchecked")
    List<String> last =
        em.createNativeQuery(
                "SELECT hash FROM audit_event WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1")
            .getResultList();
    event.prevHash = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
    event.id =
        ((Number)
                em.createNativeQuery("SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))")
                    .getSingleResult())
            .longValue();
    event.hash = AuditChain.hashOf(event);
    em.createNativeQuery(
            "INSERT INTO audit_event (id, actor, action, entity_type, entity_id, detail_json, at,"
                + " prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, event.id)
        .setParameter(2, event.actor)
        .setParameter(3, event.action)
        .setParameter(4, event.entityType)
        .setParameter(5, event.entityId)
        .setParameter(6, event.detailJson)
        .setParameter(7, java.time.OffsetDateTime.ofInstant(event.at, java.time.ZoneOffset.UTC))
        .setParameter(8, event.prevHash)
        .setParameter(9, event.hash)
        .executeUpdate();
    return event;
  }

  /** Events about one entity, oldest first. */
  @Transactional
  public List<AuditEvent> history(String entityType, Object entityId) {
    return AuditEvent.forEntity(entityType, String.valueOf(entityId));
  }

  /** The newest events, newest first. */
  @Transactional
  public List<AuditEvent> recent(int limit) {
    return AuditEvent.find("order by id desc").page(0, Math.max(1, limit)).list();
  }

  /** A detail map from alternating keys and values (values may be null), in the given order. */
  public static Map<String, Object> detail(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
    }
    return map;
  }
}
