package dev.ovid.workflows.benchmark;

import java.util.List;

/** A model version and the suite it is evaluated on; the evaluation row exists already. */
public record BenchmarkSuiteRequest(
    long evaluationId, long modelVersionId, List<BenchmarkSpec> benchmarks) {}
