package dev.ovid.registry.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Metrics per second through {@link MlflowTracker#logMetrics} (log-batch, 1000 per call, two calls
 * at once) against a running MLflow, and through the tracker's {@link MetricBuffer} (what training
 * uses) with what a training step's thread pays for its two metrics. Not a test: run it by hand
 * (BENCHMARKS.md, "Tracking overhead").
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
      // A training loop adding two metrics a step as fast as it can, through the buffer the
      // training activity uses: full batches of 1000 leave on the tracker's sender threads.
      int steps = metrics / 2;
      double[] bufferRates = new double[passes];
      double[] perStepMs = new double[passes];
      for (int p = 0; p < passes; p++) {
        long t0 = System.nanoTime();
        long addNanos;
        try (MetricBuffer buffer = tracker.metricBuffer(runId)) {
          for (int s = 0; s < steps; s++) {
            long step = (long) (passes + p) * steps + s;
            buffer.add("train_loss", 1.0 / (s + 1), step);
            buffer.add("samples_per_second", 0.3, step);
          }
          addNanos = System.nanoTime() - t0;
        }
        bufferRates[p] = 2.0 * steps / ((System.nanoTime() - t0) / 1e9);
        perStepMs[p] = addNanos / 1e6 / steps;
        System.out.printf(
            "buffer pass %d: %,.0f metrics/s end to end, %.4f ms per step on the loop's thread%n",
            p + 1, bufferRates[p], perStepMs[p]);
      }
      Arrays.sort(bufferRates);
      Arrays.sort(perStepMs);
      Arrays.sort(rates);
      System.out.printf(
          "log-batch: median %,.0f metrics/s (range %,.0f-%,.0f, %d passes of %,d)%n",
          rates[passes / 2], rates[0], rates[passes - 1], passes, metrics);
      System.out.printf(
          "MetricBuffer (2 metrics a step, %,d steps a pass): median %,.0f metrics/s (range"
              + " %,.0f-%,.0f); the loop's thread spends median %.4f ms a step%n",
          steps,
          bufferRates[passes / 2],
          bufferRates[0],
          bufferRates[passes - 1],
          perStepMs[passes / 2]);
      tracker.setTerminated(runId, RunOutcome.FINISHED);
    }
  }
}
