package dev.ovid.registry.tracking;

import java.util.List;

/** Where a {@link MetricBuffer} sends full batches (MLflow's log-batch; a list in tests). */
@FunctionalInterface
public interface MetricSink {
  void logMetrics(String runId, List<MetricPoint> batch);
}
