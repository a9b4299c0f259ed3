package dev.ovid.web.ui.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a run trains and when it should be done: epoch, step of total, steps and samples per
 * second, and the time left at that pace, measured from the progress the worker writes to the run
 * ("step N/M" with the step reached) as the page sees it change.
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

  /** A time-stamped step report. */
  record Report(Instant at, long step, long totalSteps) {}

  /** The step report in a run's progress message ("step 30/100, loss 0.4"), seen at {@code at}. */
  static Optional<Report> report(String message, Instant at) {
    if (message == null) return Optional.empty();
    Matcher m = STEP_OF.matcher(message);
    return m.find()
        ? Optional.of(new Report(at, Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
        : Optional.empty();
  }

  /** The pace from the reports seen so far (oldest first) and the run's hyperparameters. */
  static Optional<TrainingPace> of(List<Report> reports, Map<String, Object> hyperparameters) {
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
