package dev.ovid.activities.cli.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.activities.curation.vocabulary.CurationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/** The human table and the one-line JSON summary of {@code ovid vocab curate}. */
final class CurationSummary {
  private static final int VERTICALS_SHOWN = 8;

  private CurationSummary() {}

  static void printTable(CurationReport r, Path output, Path report, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "Curated %s: %d rows read, %d kept, %d removed%n",
        r.source(),
        r.input(),
        r.kept(),
        r.removedTotal());
    out.printf(Locale.ROOT, "  %-40s %8s%n", "removed by (first matching rule)", "labels");
    r.removed().forEach((reason, n) -> out.printf(Locale.ROOT, "  %-40s %8d%n", reason, n));
    out.printf(Locale.ROOT, "  %-40s %8s%n", "rule matches (overlapping)", "rows");
    r.matchedByRule().forEach((rule, n) -> out.printf(Locale.ROOT, "  %-40s %8d%n", rule, n));
    out.printf(Locale.ROOT, "  %-40s %8s%n", "removed per vertical", "labels");
    r.removedByVertical().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(VERTICALS_SHOWN)
        .forEach(e -> out.printf(Locale.ROOT, "  %-40s %8d%n", e.getKey(), e.getValue()));
    if (!r.keptByInclude().isEmpty()) {
      out.println("  kept by --include: " + String.join(", ", r.keptByInclude()));
    }
    if (!r.unmatchedListEntries().isEmpty()) {
      out.println("  WARNING: list entries matching no label: " + r.unmatchedListEntries());
    }
    if (output != null) {
      out.println("  curated vocabulary: " + output);
    }
    if (report != null) {
      out.println("  report: " + report);
    }
  }

  static String toJsonLine(CurationReport r, Path output, Path report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("source", r.source());
    o.put("input", r.input());
    o.put("kept", r.kept());
    o.put("removed_total", r.removedTotal());
    ObjectNode removed = o.putObject("removed");
    r.removed().forEach(removed::put);
    ObjectNode matched = o.putObject("matched");
    r.matchedByRule().forEach(matched::put);
    o.put("smallest_kept_train_video_count", r.smallestKeptTrainVideoCount());
    o.set("rules", mapper.valueToTree(r.rules()));
    if (output != null) {
      o.put("output", output.toString());
    }
    if (report != null) {
      o.put("report", report.toString());
    }
    try {
      return mapper.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
