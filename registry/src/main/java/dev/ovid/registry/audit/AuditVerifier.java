package dev.ovid.registry.audit;

import dev.ovid.registry.common.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the audit log in id order and checks every link of the hash chain: each entry's {@code
 * prev_hash} must be the hash of the entry before it, and its own hash must match its content.
 * Entries from before the chain existed (no hash) are counted as unchained, and may only come
 * first.
 */
@ApplicationScoped
public class AuditVerifier {
  static final int PAGE = 1000;

  /**
   * The result: {@code entries} checked, {@code ok}, the first bad entry's id and why, and that
   * entry as one JSON line (its stored columns), or nulls when all links hold.
   */
  public record Verification(
      long entries,
      long unchained,
      boolean ok,
      Long firstBadId,
      String problem,
      String firstBadEntry) {}

  @Transactional
  public Verification verify() {
    long entries = 0;
    long unchained = 0;
    String previous = null;
    long afterId = Long.MIN_VALUE;
    while (true) {
      List<AuditEvent> page =
          AuditEvent.<AuditEvent>find("id > ?1 order by id", afterId).page(0, PAGE).list();
      if (page.isEmpty()) break;
      for (AuditEvent e : page) {
        entries++;
        afterId = e.id;
        String problem = null;
        if (e.hash == null && e.prevHash == null && previous == null) {
          unchained++;
          continue;
        }
        String expectedPrev = previous == null ? AuditChain.GENESIS : previous;
        if (e.hash == null) {
          problem = "entry has no hash, but an entry before it is chained";
        } else if (!expectedPrev.equals(e.prevHash)) {
          problem =
              "prev_hash does not match the hash of the entry before it (an entry was changed,"
                  + " removed or inserted there)";
        } else if (!AuditChain.hashOf(e).equals(e.hash)) {
          problem = "hash does not match the entry's content (the entry was changed)";
        }
        if (problem != null) {
          AuditEvent.getEntityManager().clear();
          return new Verification(entries, unchained, false, e.id, problem, line(e));
        }
        previous = e.hash;
      }
      AuditEvent.getEntityManager().clear();
    }
    return new Verification(entries, unchained, true, null, null, null);
  }

  /** The entry as one JSON line with its stored columns. */
  static String line(AuditEvent e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", e.id);
    row.put("at", e.at == null ? null : e.at.toString());
    row.put("actor", e.actor);
    row.put("action", e.action);
    row.put("entity_type", e.entityType);
    row.put("entity_id", e.entityId);
    row.put("detail_json", e.detailJson);
    row.put("prev_hash", e.prevHash);
    row.put("hash", e.hash);
    return Json.write(row);
  }
}
