package dev.ovid.workflows.training;

/**
 * Heartbeat details of the training activity. A retried attempt reads the last one and resumes from
 * {@code checkpointUri} instead of starting over.
 */
public record TrainingHeartbeat(
    int epoch,
    int step,
    int totalSteps,
    double loss,
    String checkpointUri,
    String checkpointSha256) {}
