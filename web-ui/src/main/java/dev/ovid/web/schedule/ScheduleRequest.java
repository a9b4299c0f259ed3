package dev.ovid.web.schedule;

import dev.ovid.workflows.pipeline.Hyperparameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule as a user defines it: when ({@code cron} with an optional {@code timezone}, or {@code
 * interval} such as "PT6H"), what (dataset, vocabulary, hyperparameters), and how overlapping and
 * missed actions are handled ({@code overlap}: SKIP, BUFFER_ONE or CANCEL_OTHER; {@code
 * catchupWindow}: how late a missed action may still start, e.g. "PT1H"). {@code datasetVersion}
 * pins the dataset version every action trains on (null: the dataset's newest contents); {@code
 * registerCandidate} false registers the models without moving the {@code candidate} alias (null:
 * true).
 */
public record ScheduleRequest(
    String name,
    String cron,
    String timezone,
    String interval,
    String datasetName,
    String vocabularyName,
    Hyperparameters hyperparameters,
    String overlap,
    String catchupWindow,
    Boolean paused,
    String note,
    Integer datasetVersion,
    Boolean registerCandidate) {

  public static final List<String> OVERLAP_POLICIES = List.of("SKIP", "BUFFER_ONE", "CANCEL_OTHER");

  /** Human-readable problems; empty when valid. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
      out.add("name must be 1-100 letters, digits, '.', '_' or '-', was " + name);
    }
    boolean hasCron = cron != null && !cron.isBlank();
    boolean hasInterval = interval != null && !interval.isBlank();
    if (hasCron == hasInterval) out.add("give exactly one of cron and interval");
    if (hasCron && cron.trim().split("\\s+").length != 5) {
      out.add("cron must have five fields (minute hour day-of-month month day-of-week): " + cron);
    }
    if (hasInterval) {
      try {
        if (java.time.Duration.parse(interval.trim()).toSeconds() < 60) {
          out.add("interval must be at least one minute (PT1M), was " + interval);
        }
      } catch (java.time.format.DateTimeParseException e) {
        out.add("interval must be an ISO-8601 duration such as PT6H, was " + interval);
      }
    }
    if (timezone != null && !timezone.isBlank()) {
      try {
        java.time.ZoneId.of(timezone.trim());
      } catch (java.time.DateTimeException e) {
        out.add("unknown timezone " + timezone);
      }
    }
    if (datasetName == null || datasetName.isBlank()) out.add("datasetName is required");
    if (datasetVersion != null && datasetVersion < 1) {
      out.add("datasetVersion must be 1 or more (or absent for the newest), was " + datasetVersion);
    }
    if (vocabularyName == null || vocabularyName.isBlank()) out.add("vocabularyName is required");
    if (overlap != null && !OVERLAP_POLICIES.contains(overlap.trim().toUpperCase())) {
      out.add("overlap must be one of " + OVERLAP_POLICIES + ", was " + overlap);
    }
    if (catchupWindow != null && !catchupWindow.isBlank()) {
      try {
        java.time.Duration.parse(catchupWindow.trim());
      } catch (java.time.format.DateTimeParseException e) {
        out.add("catchupWindow must be an ISO-8601 duration such as PT1H, was " + catchupWindow);
      }
    }
    if (hyperparameters != null) out.addAll(hyperparametersOrDefaults().problems());
    return out;
  }

  /** The knobs given, the paper's model where none is named; the defaults when none are given. */
  public Hyperparameters hyperparametersOrDefaults() {
    if (hyperparameters == null) return Hyperparameters.defaults();
    return hyperparameters.model() == null
        ? hyperparameters.withModel(dev.ovid.workflows.pipeline.ModelSpec.paper())
        : hyperparameters;
  }
}
