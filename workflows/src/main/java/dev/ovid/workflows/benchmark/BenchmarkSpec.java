package dev.ovid.workflows.benchmark;

/**
 * One benchmark of a suite: a dataset version scored against a vocabulary (zero-shot: any labels).
 *
 * @param name shown in the leaderboard's column (e.g. "Kinetics-400")
 * @param evaluationSplit the manifest split the metrics are reported on
 * @param calibrationSplit the split whose F1 enters the suite's max-min threshold calibration
 */
public record BenchmarkSpec(
    String name,
    long datasetVersionId,
    long vocabularyId,
    String evaluationSplit,
    String calibrationSplit) {}
