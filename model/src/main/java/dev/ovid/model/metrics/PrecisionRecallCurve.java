package dev.ovid.model.metrics;

import java.util.Arrays;

/**
 * The precision-recall curve of one set of binary decisions, at every distinct score, exactly as
 * scikit-learn's {@code precision_recall_curve} builds it: a decision is positive when its score is
 * {@code >= threshold}, and tied scores enter the curve together (one point per distinct score).
 *
 * <p>Built once in O(n log n) (two primitive sorts, one merge); every metric derived from it (AP,
 * peak F1, F1 at a threshold, plot series) is then O(points) or O(log points).
 *
 * <p>{@code unscoredPositives} counts positives that have no score at all (never retrieved): they
 * enlarge the recall denominator but never appear on the curve, so recall may stay below 1.
 */
public final class PrecisionRecallCurve {

  private final double[] thresholds; // distinct scores, descending
  private final long[] truePositives; // cumulative, at score >= thresholds[i]
  private final long[] falsePositives;
  private final long totalPositives;

  private PrecisionRecallCurve(
      double[] thresholds, long[] truePositives, long[] falsePositives, long totalPositives) {
    this.thresholds = thresholds;
    this.truePositives = truePositives;
    this.falsePositives = falsePositives;
    this.totalPositives = totalPositives;
  }

  /** The curve of {@code scores[i]} with ground truth {@code positives[i]}. */
  public static PrecisionRecallCurve of(double[] scores, boolean[] positives) {
    return of(scores, positives, 0);
  }

  /**
   * The curve of {@code scores[i]} with ground truth {@code positives[i]}, plus {@code
   * unscoredPositives} positives that were never scored (they only lower recall).
   */
  public static PrecisionRecallCurve of(
      double[] scores, boolean[] positives, long unscoredPositives) {
    if (scores.length != positives.length) {
      throw new IllegalArgumentException(
          "scores and positives differ in length: " + scores.length + " vs " + positives.length);
    }
    if (unscoredPositives < 0) {
      throw new IllegalArgumentException("unscoredPositives < 0: " + unscoredPositives);
    }
    int positiveCount = 0;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      if (positives[i]) {
        positiveCount++;
      }
    }
    double[] pos = new double[positiveCount];
    double[] neg = new double[scores.length - positiveCount];
    for (int i = 0, p = 0, q = 0; i < scores.length; i++) {
      if (positives[i]) {
        pos[p++] = scores[i];
      } else {
        neg[q++] = scores[i];
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    return merge(pos, neg, positiveCount + unscoredPositives);
  }

  // Walks both ascending arrays from the top; every distinct value becomes one curve point, with
  // all decisions tied at that value counted at once (== also groups -0.0 with 0.0, like numpy).
  private static PrecisionRecallCurve merge(double[] pos, double[] neg, long totalPositives) {
    int capacity = pos.length + neg.length;
    double[] thresholds = new double[capacity];
    long[] tp = new long[capacity];
    long[] fp = new long[capacity];
    int i = pos.length - 1;
    int j = neg.length - 1;
    int n = 0;
    long tpSum = 0;
    long fpSum = 0;
    while (i >= 0 || j >= 0) {
      double t;
      if (i < 0) {
        t = neg[j];
      } else if (j < 0) {
        t = pos[i];
      } else {
        t = Math.max(pos[i], neg[j]);
      }
      while (i >= 0 && pos[i] == t) {
        tpSum++;
        i--;
      }
      while (j >= 0 && neg[j] == t) {
        fpSum++;
        j--;
      }
      thresholds[n] = t;
      tp[n] = tpSum;
      fp[n] = fpSum;
      n++;
    }
    return new PrecisionRecallCurve(
        Arrays.copyOf(thresholds, n), Arrays.copyOf(tp, n), Arrays.copyOf(fp, n), totalPositives);
  }

  /** Number of curve points (distinct scores). */
  public int size() {
    return thresholds.length;
  }

  /** Positives in the recall denominator (scored and unscored). */
  public long totalPositives() {
    return totalPositives;
  }

  /** The i-th distinct score, descending. */
  public double threshold(int i) {
    return thresholds[i];
  }

  public long truePositives(int i) {
    return truePositives[i];
  }

  public long falsePositives(int i) {
    return falsePositives[i];
  }

  /** Precision at the i-th threshold; never 0/0 since each point holds at least one decision. */
  public double precision(int i) {
    return (double) truePositives[i] / (truePositives[i] + falsePositives[i]);
  }

  /** Recall at the i-th threshold; 0 when there are no positives at all. */
  public double recall(int i) {
    return totalPositives == 0 ? 0.0 : (double) truePositives[i] / totalPositives;
  }

  /** F1 = 2TP / (2TP + FP + FN) at the i-th threshold; 0 when TP is 0. */
  public double f1(int i) {
    return f1(truePositives[i], falsePositives[i]);
  }

  private double f1(long tp, long fp) {
    // Exact integers divided once: equal F1 values compare equal, so ties are found reliably.
    return tp == 0 ? 0.0 : 2.0 * tp / (tp + fp + totalPositives);
  }

  /**
   * Non-interpolated average precision, scikit-learn's {@code average_precision_score}: AP = Σ (R_n
   * − R_{n−1}) P_n over distinct thresholds, descending. 0 when there are no positives.
   */
  public double averagePrecision() {
    if (totalPositives == 0) {
      return 0.0;
    }
    double ap = 0.0;
    long previousTp = 0;
    for (int i = 0; i < thresholds.length; i++) {
      long gained = truePositives[i] - previousTp;
      if (gained > 0) {
        ap += ((double) gained / totalPositives) * precision(i);
      }
      previousTp = truePositives[i];
    }
    return ap;
  }

  /**
   * The best F1 over all distinct thresholds. Among thresholds with equal F1 the lowest wins, which
   * is what {@code numpy.argmax} picks over scikit-learn's ascending threshold array. With no
   * decisions or no true positive anywhere, F1 is 0 at threshold +∞ (predict nothing).
   */
  public ThresholdF1 peakF1() {
    int best = -1;
    double bestF1 = 0.0;
    for (int i = 0; i < thresholds.length; i++) {
      double f = f1(i);
      if (f > 0.0 && f >= bestF1) {
        best = i;
        bestF1 = f;
      }
    }
    if (best < 0) {
      return new ThresholdF1(Double.POSITIVE_INFINITY, 0.0, 0.0, 0.0);
    }
    return new ThresholdF1(thresholds[best], bestF1, precision(best), recall(best));
  }

  /** Index of the peak-F1 point, or -1 when F1 is 0 everywhere. */
  int peakIndex() {
    double peak = peakF1().threshold();
    return Double.isInfinite(peak) ? -1 : indexAtOrAbove(peak);
  }

  /** F1, precision and recall when every decision with score {@code >= threshold} is positive. */
  public ThresholdF1 atThreshold(double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold is NaN");
    }
    int i = indexAtOrAbove(threshold);
    if (i < 0) {
      return new ThresholdF1(threshold, 0.0, 0.0, 0.0);
    }
    return new ThresholdF1(threshold, f1(i), precision(i), recall(i));
  }

  /** F1 when every decision with score {@code >= threshold} is positive. */
  public double f1AtThreshold(double threshold) {
    return atThreshold(threshold).f1();
  }

  /** Last index whose threshold is {@code >= t} (thresholds descend), or -1. */
  private int indexAtOrAbove(double t) {
    int lo = 0;
    int hi = thresholds.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (thresholds[mid] >= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** A copy of the distinct thresholds, descending. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /**
   * Precision (y) against recall (x), starting at (0, 1) like scikit-learn's curve, then one point
   * per threshold from the highest down; at most {@code maxPoints} points, keeping both ends and
   * the peak-F1 point.
   */
  public CurveSeries prSeries(int maxPoints) {
    int n = thresholds.length + 1;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] t = new double[n];
    x[0] = 0.0;
    y[0] = 1.0;
    t[0] = Double.POSITIVE_INFINITY;
    for (int i = 0; i < thresholds.length; i++) {
      x[i + 1] = recall(i);
      y[i + 1] = precision(i);
      t[i + 1] = thresholds[i];
    }
    int peak = peakIndex();
    return new CurveSeries("recall", "precision", x, y, t, peak < 0 ? -1 : peak + 1)
        .downsample(maxPoints);
  }

  /** F1 (y) against threshold (x), ascending thresholds; at most {@code maxPoints} points. */
  public CurveSeries f1Series(int maxPoints) {
    int n = thresholds.length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      int i = n - 1 - k;
      x[k] = thresholds[i];
      y[k] = f1(i);
    }
    int peak = peakIndex();
    return new CurveSeries("threshold", "F1", x, y, x.clone(), peak < 0 ? -1 : n - 1 - peak)
        .downsample(maxPoints);
  }
}
