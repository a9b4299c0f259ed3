package dev.ovid.web.ui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.common.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a run trains and when it should be done, measured from the progress reports the worker
 * writes (audited "run.progress" events with the step reached, at a time): epoch, step of total,
 * steps and samples per second, and the time left at that pace.
 */
record TrainingPace(
    int epoch,
    int epochs,
    long step,
    long totalSteps,
    Double stepsPerSecond,
    Double samplesPerSecond,
    Duration timeLeft) {

  private static final Pattern STEP_OF = Pattern.compile("step (\\d+)/(\\d+)");
  private static final String TRAIN = "TRAIN";

  /** A time-stamped step report. */
  record Report(Instant at, long step, long totalSteps) {}

  /**
   * The pace from a run's audit history (oldest first) and hyperparameters; empty when training has
   * not reported a step yet.
   */
  static Optional<TrainingPace> of(List<AuditEvent> history, Map<String, Object> hyperparameters) {
    List<Report> reports = new ArrayList<>();
    for (AuditEvent e : history) {
      if (!"run.progress".equals(e.action) || e.detailJson == null) continue;
      JsonNode detail;
      try {
        detail = Json.mapper().readTree(e.detailJson);
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        continue; // written by AuditLog from a map, so always JSON; skip rather than fail the page
      }
      if (!TRAIN.equalsIgnoreCase(detail.path("stage").asText())) continue;
      Matcher m = STEP_OF.matcher(detail.path("message").asText(""));
      if (m.find()) {
        reports.add(new Report(e.at, Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
      }
    }
    return of(reports, number(hyperparameters, "epochs"), number(hyperparameters, "batchSize"));
  }

  static Optional<TrainingPace> of(List<Report> reports, Integer epochs, Integer batchSize) {
    if (reports.isEmpty()) return Optional.empty();
    // A retried attempt starts again from its checkpoint: measure only the latest attempt's
    // steady climb (from the last time the step went backwards).
    int from = 0;
    for (int i = 1; i < reports.size(); i++) {
      if (reports.get(i).step() < reports.get(i - 1).step()) from = i;
    }
    Report first = reports.get(from);
    Report last = reports.get(reports.size() - 1);
    long total = Math.max(1, last.totalSteps());
    int epochCount = epochs == null || epochs < 1 ? 1 : epochs;
    long perEpoch = Math.max(1, (total + epochCount - 1) / epochCount);
    int epoch = (int) Math.min(epochCount, Math.max(1, (last.step() + perEpoch - 1) / perEpoch));
    Double stepsPerSecond = null;
    Double samplesPerSecond = null;
    Duration left = null;
    double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
    if (seconds > 0 && last.step() > first.step()) {
      stepsPerSecond = (last.step() - first.step()) / seconds;
      if (batchSize != null) samplesPerSecond = stepsPerSecond * batchSize;
      left = Duration.ofMillis(Math.round((total - last.step()) / stepsPerSecond * 1000));
    }
    return Optional.of(
        new TrainingPace(
            epoch, epochCount, last.step(), total, stepsPerSecond, samplesPerSecond, left));
  }

  /** "1 h 02 min", "3 min 07 s", "12 s". */
  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
    if (s >= 60) return String.format("%d min %02d s", s / 60, s % 60);
    return s + " s";
  }

  private static Integer number(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof Number n ? n.intValue() : null;
  }
}
