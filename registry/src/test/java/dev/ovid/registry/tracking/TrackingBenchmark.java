package dev.ovid.registry.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Metrics per second through {@link MlflowTracker#logMetrics} (log-batch, 1000 per call) against a
 * running MLflow, and what a training step pays for its two metrics through a {@link MetricBuffer}.
 * Not a test: run it by hand (BENCHMARKS.md, "Tracking overhead").
 *
 * <p>Usage: {@code TrackingBenchmark TRACKING_URI EXPERIMENT [metrics=20000] [passes=5]}.
 */
public final class TrackingBenchmark {
  public static void main(String[] args) {
    String uri = args[0];
    String experiment = args[1];
    int metrics = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int passes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    try (MlflowTracker tracker = new MlflowTracker(new MlflowConfig(uri, experiment), null)) {
      String runId =
          tracker
              .startRun(
                  new RunSpec(
                      "bench-" + System.currentTimeMillis(),
                      "tracking-benchmark",
                      null,
                      null,
                      null,
                      null,
                      Map.of()))
              .runId();
      double[] rates = new double[passes];
      for (int p = 0; p < passes; p++) {
        List<MetricPoint> points = new ArrayList<>(metrics);
        long now = System.currentTimeMillis();
        for (int i = 0; i < metrics; i++) {
          points.add(
              new MetricPoint(
                  i % 2 == 0 ? "train_loss" : "samples_per_second",
                  i,
                  p * (long) metrics + i,
                  now));
        }
        long t0 = System.nanoTime();
        tracker.logMetrics(runId, points);
        rates[p] = metrics / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("pass %d: %,.0f metrics/s%n", p + 1, rates[p]);
      }
      // A training step adds two metrics to a buffer that sends 1000 at a time.
      long[] sent = {0};
      int steps = 5000;
      long t0 = System.nanoTime();
      try (MetricBuffer buffer =
          new MetricBuffer(
              runId,
              (id, batch) -> {
                tracker.logMetrics(id, batch);
                sent[0] += batch.size();
              })) {
        for (int s = 0; s < steps; s++) {
          buffer.add("train_loss", 1.0 / (s + 1), s);
          buffer.add("samples_per_second", 0.3, s);
        }
      }
      double perStepMs = (System.nanoTime() - t0) / 1e6 / steps;
      Arrays.sort(rates);
      System.out.printf(
          "log-batch: median %,.0f metrics/s (range %,.0f-%,.0f, %d passes of %,d)%n",
          rates[passes / 2], rates[0], rates[passes - 1], passes, metrics);
      System.out.printf(
          "per training step (2 metrics through a MetricBuffer, %,d sent): %.4f ms%n",
          sent[0], perStepMs);
      tracker.setTerminated(runId, RunOutcome.FINISHED);
    }
  }
}
