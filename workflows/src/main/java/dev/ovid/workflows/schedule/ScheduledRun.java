package dev.ovid.workflows.schedule;

/** The run row a scheduled action created (or found, when retried) and its pipeline's workflow. */
public record ScheduledRun(long runId, long vocabularyId, String workflowId) {}
