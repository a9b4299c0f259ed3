package dev.ovid.model.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The paper's dataset-level metrics over all (video, label) decisions. */
public final class MultiLabelMetrics {

  /** YouTube-8M keeps this many predictions per video for GAP. */
  public static final int YT8M_TOP_K = 20;

  private MultiLabelMetrics() {}

  /**
   * One curve over every (video, label) decision pooled together: AUPR and peak F1 come from it.
   */
  public static PrecisionRecallCurve pooledCurve(MultiLabelDecisions d) {
    return PrecisionRecallCurve.of(d.scores(), d.positives(), d.totalUnscoredPositives());
  }

  /** AUPR: average precision over all (video, label) decisions (micro-averaged). */
  public static double aupr(MultiLabelDecisions d) {
    return pooledCurve(d).averagePrecision();
  }

  /**
   * Average precision per label, in label order, for labels with at least one positive (scored or
   * not); labels without positives are left out since their AP is undefined.
   */
  public static Map<String, Double> perClassAveragePrecision(MultiLabelDecisions d) {
    int labels = d.labelNames().size();
    int[][] grouped = MultiLabelDecisions.groupRows(d.label(), labels);
    int[] rows = grouped[0];
    int[] start = grouped[1];
    Map<String, Double> result = new LinkedHashMap<>();
    for (int l = 0; l < labels; l++) {
      int n = start[l + 1] - start[l];
      double[] scores = new double[n];
      boolean[] positives = new boolean[n];
      boolean anyPositive = d.unscoredPositives()[l] > 0;
      for (int k = 0; k < n; k++) {
        int r = rows[start[l] + k];
        scores[k] = d.scores()[r];
        positives[k] = d.positives()[r];
        anyPositive |= positives[k];
      }
      if (anyPositive) {
        result.put(
            d.labelNames().get(l),
            PrecisionRecallCurve.of(scores, positives, d.unscoredPositives()[l])
                .averagePrecision());
      }
    }
    return result;
  }

  /** mAP: mean of the per-label APs over labels with at least one positive; 0 when none has. */
  public static double meanAveragePrecision(MultiLabelDecisions d) {
    return meanOf(perClassAveragePrecision(d));
  }

  static double meanOf(Map<String, Double> perClass) {
    return perClass.values().stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
  }

  /**
   * YouTube-8M's global average precision at k (its {@code eval_util.calculate_gap}): keep each
   * video's k highest-scoring decisions, pool the kept pairs of all videos, and take one
   * non-interpolated AP over them whose recall denominator is the total number of positives in the
   * dataset (kept or not), so positives outside a video's top k count as missed.
   *
   * <p>Ties, which YouTube-8M's code breaks by chance (argpartition, then a seeded shuffle), are
   * fixed here: within a video, equal scores are kept in ascending label-name order; in the pooled
   * ranking, equal scores enter together as in {@link PrecisionRecallCurve} (scikit-learn's rule).
   * Without ties this equals YouTube-8M's number exactly.
   */
  public static double globalAveragePrecision(MultiLabelDecisions d, int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    int[][] grouped = MultiLabelDecisions.groupRows(d.video(), d.videoIds().size());
    int[] rows = grouped[0];
    int[] start = grouped[1];
    int[] nameRank = nameRanks(d);
    double[] scores = d.scores();
    int videos = d.videoIds().size();
    int kept = 0;
    for (int v = 0; v < videos; v++) {
      kept += Math.min(k, start[v + 1] - start[v]);
    }
    double[] keptScores = new double[kept];
    boolean[] keptPositives = new boolean[kept];
    long keptPositiveCount = 0;
    int out = 0;
    int[] top = new int[k]; // row indices of the video's best decisions so far, best first
    for (int v = 0; v < videos; v++) {
      int count = 0;
      for (int i = start[v]; i < start[v + 1]; i++) {
        int row = rows[i];
        if (count == k && !ranksBefore(row, top[k - 1], scores, d.label(), nameRank)) {
          continue;
        }
        // Insertion into a short sorted array: O(k) per accepted row, no boxing, no full sort.
        int at = count == k ? k - 1 : count++;
        while (at > 0 && ranksBefore(row, top[at - 1], scores, d.label(), nameRank)) {
          top[at] = top[at - 1];
          at--;
        }
        top[at] = row;
      }
      for (int i = 0; i < count; i++) {
        keptScores[out] = scores[top[i]];
        keptPositives[out] = d.positives()[top[i]];
        keptPositiveCount += keptPositives[out] ? 1 : 0;
        out++;
      }
    }
    long totalPositives = d.totalUnscoredPositives();
    for (boolean p : d.positives()) {
      totalPositives += p ? 1 : 0;
    }
    return PrecisionRecallCurve.of(keptScores, keptPositives, totalPositives - keptPositiveCount)
        .averagePrecision();
  }

  /** Higher score first; equal scores (-0.0 equals 0.0) in ascending label-name order. */
  private static boolean ranksBefore(int a, int b, double[] scores, int[] label, int[] nameRank) {
    if (scores[a] != scores[b]) {
      return scores[a] > scores[b];
    }
    return nameRank[label[a]] < nameRank[label[b]];
  }

  private static int[] nameRanks(MultiLabelDecisions d) {
    int n = d.labelNames().size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> d.labelNames().get(a).compareTo(d.labelNames().get(b)));
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  /** Every headline metric of one dataset at once. */
  public static Evaluation evaluate(MultiLabelDecisions d) {
    PrecisionRecallCurve curve = pooledCurve(d);
    Map<String, Double> perClass = perClassAveragePrecision(d);
    ThresholdF1 peak = curve.peakF1();
    return new Evaluation(
        curve.averagePrecision(),
        meanOf(perClass),
        peak.f1(),
        peak.threshold(),
        globalAveragePrecision(d, YT8M_TOP_K),
        d.size(),
        curve.totalPositives(),
        d.videoIds().size(),
        d.labelNames().size(),
        perClass,
        curve);
  }
}
