package dev.ovid.workflows.schedule;

import dev.ovid.workflows.pipeline.Hyperparameters;

/**
 * What a Temporal Schedule starts each time it fires: a pipeline run on the newest contents of
 * {@code datasetName} (curation makes or finds the content-addressed version) with the current
 * labels of vocabulary {@code vocabularyName}. {@code cron} / {@code interval} repeat the timing as
 * the user wrote it (Temporal keeps a cron only as compiled calendar ranges); the schedule's spec,
 * not these, decides when actions run. {@code datasetVersion} pins the version of {@code
 * datasetName} every action trains on (null: the newest contents); {@code registerCandidate} false
 * registers the models without moving the {@code candidate} alias (null: true, as for schedules
 * created before the option).
 */
public record ScheduledTrainingRequest(
    String scheduleId,
    String datasetName,
    String vocabularyName,
    Hyperparameters hyperparameters,
    String cron,
    String interval,
    Integer datasetVersion,
    Boolean registerCandidate) {

  /** Whether the runs' models become the {@code candidate} (the default). */
  public boolean registersCandidate() {
    return registerCandidate == null || registerCandidate;
  }
}
