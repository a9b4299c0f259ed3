package dev.ovid.web.ui.datasets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.ovid.web.ui.components.KeyValueTable;
import java.util.Map;

/**
 * A curation report as a person reads it: a headline of what was kept and removed, then every entry
 * as a table (removal reasons, unreadable videos with their errors, dropped labels...).
 */
final class CurationReportView {
  private CurationReportView() {}

  static Component of(Map<String, Object> report) {
    Div box = new Div();
    if (report == null || report.isEmpty()) {
      box.add(new Paragraph("This version has no curation report."));
      return box;
    }
    headline(report)
        .ifPresent(
            text -> {
              Paragraph p = new Paragraph(text);
              p.setId("dataset-report-headline");
              p.getStyle().set("font-weight", "600");
              box.add(p);
            });
    KeyValueTable table = new KeyValueTable(report);
    table.setId("dataset-report-table");
    box.add(table);
    return box;
  }

  /** "Kept 98 of 100 videos; removed 2 (1 without labels, 1 unreadable)." */
  static java.util.Optional<String> headline(Map<String, Object> report) {
    if (!(report.get("videosIn") instanceof Number in)
        || !(report.get("videosKept") instanceof Number kept)) {
      return java.util.Optional.empty();
    }
    long removed = in.longValue() - kept.longValue();
    StringBuilder text =
        new StringBuilder("Kept " + kept + " of " + in + " videos; removed " + removed);
    java.util.List<String> reasons = new java.util.ArrayList<>();
    if (report.get("videosDroppedWithoutLabels") instanceof Number n && n.longValue() > 0) {
      reasons.add(n + " without labels in the vocabulary");
    }
    if (report.get("videosUnreadable") instanceof java.util.Collection<?> c && !c.isEmpty()) {
      reasons.add(c.size() + " unreadable");
    }
    if (!reasons.isEmpty()) text.append(" (").append(String.join(", ", reasons)).append(")");
    return java.util.Optional.of(text.append('.').toString());
  }
}
