package dev.ovid.registry.audit;

import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the append-only audit log. Joins the caller's transaction, so an audit entry commits or
 * rolls back together with the change it describes.
 */
@ApplicationScoped
public class AuditLog {

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
    event.actor = ValidationException.requireText("actor", actor);
    event.action = ValidationException.requireText("action", action);
    event.entityType = ValidationException.requireText("entityType", entityType);
    event.entityId = ValidationException.requireText("entityId", String.valueOf(entityId));
    event.detailJson = Json.write(detail == null ? Map.of() : detail);
    event.at = Instant.now();
    event.persist();
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
