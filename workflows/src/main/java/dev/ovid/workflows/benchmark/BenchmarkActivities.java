package dev.ovid.workflows.benchmark;

import io.temporal.activity.ActivityInterface;
import java.util.List;

@ActivityInterface
public interface BenchmarkActivities {
  /** Opens (or finds) the suite's MLflow run, a child of the model's run; returns its id. */
  String startTracking(BenchmarkSuiteRequest request);

  /** Scores one benchmark of the suite (by position) and stores its row. */
  BenchmarkScores score(BenchmarkSuiteRequest request, int position);

  /** Calibrates the threshold across the suite, stores results, report and MLflow metrics. */
  BenchmarkSuiteResult calibrate(
      BenchmarkSuiteRequest request, String mlflowRunId, List<BenchmarkScores> scores);

  /** Marks the evaluation failed with {@code message}. */
  void fail(long evaluationId, String mlflowRunId, String message);
}
