package dev.ovid.web.audit;

import dev.ovid.registry.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log page by page, newest first, narrowed by actor, action, entity and time. */
@ApplicationScoped
public class AuditSearch {
  /** The most rows one CSV export holds. */
  public static final int MAX_EXPORT = 100_000;

  /**
   * Null or blank parts match everything. {@code actor} matches case-insensitively anywhere in the
   * name; {@code action}, {@code entityType} and {@code entityId} match exactly; {@code from} is
   * inclusive, {@code to} exclusive.
   */
  public record Filter(
      String actor, String action, String entityType, String entityId, Instant from, Instant to) {
    public static final Filter ALL = new Filter(null, null, null, null, null, null);
  }

  @Transactional
  public List<AuditEvent> page(Filter filter, int offset, int limit) {
    Query q = query(filter);
    int start = Math.max(0, offset);
    return AuditEvent.<AuditEvent>find(q.where + " order by id desc", q.params)
        .range(start, start + Math.max(1, limit) - 1)
        .list();
  }

  @Transactional
  public long count(Filter filter) {
    Query q = query(filter);
    return AuditEvent.count(q.where, q.params);
  }

  @Transactional
  public AuditEvent get(long id) {
    AuditEvent event = AuditEvent.findById(id);
    if (event == null) throw dev.ovid.registry.common.NotFoundException.of("audit event", id);
    return event;
  }

  @Transactional
  public List<String> actions() {
    return distinct("action");
  }

  @Transactional
  public List<String> entityTypes() {
    return distinct("entityType");
  }

  @Transactional
  public List<String> actors() {
    return distinct("actor");
  }

  private static List<String> distinct(String field) {
    return AuditEvent.getEntityManager()
        .createQuery(
            "select distinct e." + field + " from AuditEvent e order by e." + field, String.class)
        .getResultList();
  }

  private record Query(String where, Map<String, Object> params) {}

  private static Query query(Filter filter) {
    Filter f = filter == null ? Filter.ALL : filter;
    List<String> parts = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    parts.add("1 = 1");
    if (present(f.actor())) {
      parts.add("lower(actor) like :actor");
      params.put("actor", "%" + f.actor().trim().toLowerCase() + "%");
    }
    if (present(f.action())) {
      parts.add("action = :action");
      params.put("action", f.action().trim());
    }
    if (present(f.entityType())) {
      parts.add("entityType = :entityType");
      params.put("entityType", f.entityType().trim());
    }
    if (present(f.entityId())) {
      parts.add("entityId = :entityId");
      params.put("entityId", f.entityId().trim());
    }
    if (f.from() != null) {
      parts.add("at >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      parts.add("at < :to");
      params.put("to", f.to());
    }
    return new Query(String.join(" and ", parts), params);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
