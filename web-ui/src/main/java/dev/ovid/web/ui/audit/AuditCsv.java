package dev.ovid.web.ui.audit;

import dev.ovid.registry.audit.AuditEvent;
import java.util.List;

/** The audit log as CSV (RFC 4180): id, at (ISO-8601 UTC), actor, action, entity, detail JSON. */
final class AuditCsv {
  static final String HEADER = "id,at,actor,action,entity_type,entity_id,detail_json";

  private AuditCsv() {}

  static String of(List<AuditEvent> events) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (AuditEvent e : events) {
      out.append(e.id)
          .append(',')
          .append(e.at)
          .append(',')
          .append(field(e.actor))
          .append(',')
          .append(field(e.action))
          .append(',')
          .append(field(e.entityType))
          .append(',')
          .append(field(e.entityId))
          .append(',')
          .append(field(e.detailJson))
          .append("\r\n");
    }
    return out.toString();
  }

  /** Quotes a field when it holds a comma, quote or line break; doubles quotes inside. */
  static String field(String value) {
    if (value == null) return "";
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix a quote mark.
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return quote || safe != value ? '"' + safe.replace("\"", "\"\"") + '"' : value;
  }
}
