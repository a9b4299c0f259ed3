package dev.ovid.workflows.benchmark;

import dev.ovid.workflows.common.ObjectRef;
import java.util.List;

/**
 * The suite's calibrated threshold (max over thresholds of the min calibration F1), each
 * benchmark's evaluation F1 there (suite order), and the report with PR curves.
 */
public record BenchmarkSuiteResult(
    long evaluationId,
    double calibratedThreshold,
    double calibrationMinF1,
    List<Double> f1AtCalibrated,
    ObjectRef report) {}
