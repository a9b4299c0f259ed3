package dev.ovid.workflows.evaluation;

import dev.ovid.workflows.common.ObjectRef;

/** Scores over the evaluation split, and the stored per-pair scores and plots. */
public record EvaluationResult(
    long evaluationId, double aupr, double peakF1, double peakF1Threshold, ObjectRef report) {}
