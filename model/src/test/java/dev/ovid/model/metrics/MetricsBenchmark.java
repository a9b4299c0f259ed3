package dev.ovid.model.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints how long the metrics take on a YouTube-8M-sized evaluation (not a test). Run after {@code
 * mvn -pl model test-compile}: {@code java -cp model/target/test-classes:model/target/classes
 * dev.ovid.model.metrics.MetricsBenchmark [videos] [labels]}.
 */
public final class MetricsBenchmark {

  public static void main(String[] args) {
    int videos = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int labels = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int n = videos * labels;
    Random rnd = new Random(1);
    double[] scores = new double[n];
    boolean[] positives = new boolean[n];
    int[] video = new int[n];
    int[] label = new int[n];
    for (int v = 0, r = 0; v < videos; v++) {
      for (int l = 0; l < labels; l++, r++) {
        positives[r] = rnd.nextDouble() < 0.003;
        // Three decimals, like a rounded model output: many ties.
        scores[r] = Math.round((rnd.nextGaussian() + (positives[r] ? 2 : 0)) * 1000) / 1000.0;
        video[r] = v;
        label[r] = l;
      }
    }
    List<String> videoIds = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      videoIds.add("v" + v);
    }
    List<String> labelNames = new ArrayList<>();
    for (int l = 0; l < labels; l++) {
      labelNames.add("label" + l);
    }
    MultiLabelDecisions d =
        MultiLabelDecisions.of(scores, positives, video, label, videoIds, labelNames);
    for (int round = 0; round < 3; round++) { // the first round warms the JIT
      long t0 = System.nanoTime();
      PrecisionRecallCurve curve = MultiLabelMetrics.pooledCurve(d);
      long t1 = System.nanoTime();
      double aupr = curve.averagePrecision();
      ThresholdF1 peak = curve.peakF1();
      long t2 = System.nanoTime();
      double map = MultiLabelMetrics.meanAveragePrecision(d);
      long t3 = System.nanoTime();
      double gap = MultiLabelMetrics.globalAveragePrecision(d, 20);
      long t4 = System.nanoTime();
      System.out.printf(
          "round %d, %,d decisions (%d distinct scores): curve %.0f ms, AP+peakF1 %.1f ms,"
              + " mAP %.0f ms, GAP@20 %.0f ms | aupr=%.4f peakF1=%.4f map=%.4f gap20=%.4f%n",
          round,
          n,
          curve.size(),
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          (t4 - t3) / 1e6,
          aupr,
          peak.f1(),
          map,
          gap);
    }
  }
}
