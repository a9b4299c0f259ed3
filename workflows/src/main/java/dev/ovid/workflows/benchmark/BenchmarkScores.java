package dev.ovid.workflows.benchmark;

import dev.ovid.workflows.common.ObjectRef;

/**
 * One benchmark's metrics on its evaluation split, and the stored (score, positive) decisions of
 * both splits that the calibration reads back.
 *
 * @param peakF1Threshold NaN when no threshold gives a true positive
 */
public record BenchmarkScores(
    int position,
    int videos,
    int labels,
    double aupr,
    double map,
    double peakF1,
    double peakF1Threshold,
    double gap20,
    ObjectRef evaluationDecisions,
    ObjectRef calibrationDecisions) {}
