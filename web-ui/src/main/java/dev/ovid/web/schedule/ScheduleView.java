package dev.ovid.web.schedule;

import dev.ovid.workflows.pipeline.Hyperparameters;
import java.time.Instant;
import java.util.List;

/**
 * A schedule as Temporal describes it, with the Ovid runs it started (newest first). {@code
 * datasetVersion} is the pinned version (null: the newest contents).
 */
public record ScheduleView(
    String name,
    String scheduleId,
    List<String> cron,
    List<String> calendars,
    List<String> intervals,
    String timezone,
    String datasetName,
    Integer datasetVersion,
    String vocabularyName,
    boolean registerCandidate,
    Hyperparameters hyperparameters,
    String overlap,
    String catchupWindow,
    boolean paused,
    String note,
    long actionsTaken,
    List<Instant> nextRuns,
    List<ScheduledRunView> runs) {

  /** One run a schedule started. */
  public record ScheduledRunView(
      long id,
      String status,
      String message,
      Integer datasetVersion,
      Instant createdAt,
      Instant finishedAt) {}
}
