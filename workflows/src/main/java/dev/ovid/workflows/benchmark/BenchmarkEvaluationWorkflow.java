package dev.ovid.workflows.benchmark;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Evaluates one model version on a suite of benchmarks (dataset version + vocabulary each): AUPR,
 * mAP, peak F1 and GAP@20 per benchmark, then the paper's single calibrated threshold.
 */
@WorkflowInterface
public interface BenchmarkEvaluationWorkflow {
  @WorkflowMethod
  BenchmarkSuiteResult evaluate(BenchmarkSuiteRequest request);
}
