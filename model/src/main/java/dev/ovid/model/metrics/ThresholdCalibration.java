package dev.ovid.model.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The paper's calibration: one threshold for all datasets, the one that maximises the minimum F1
 * across several validation sets (so it works for every concept type at once).
 */
public final class ThresholdCalibration {

  private ThresholdCalibration() {}

  /** The chosen threshold, its minimum F1 and each set's F1 there (in the given order). */
  public record CalibratedThreshold(double threshold, double minF1, double[] f1PerSet) {}

  /**
   * Searches every distinct score of every set (F1 of a set only changes at its own scores, so no
   * other threshold can do better). Ties on the minimum F1 go to the higher mean F1 across sets,
   * then to the lower threshold (the same rule as {@link PrecisionRecallCurve#peakF1()}). Cost: O(C
   * · S · log n) for C candidate thresholds and S sets.
   */
  public static CalibratedThreshold maxMinF1(List<PrecisionRecallCurve> validationSets) {
    if (validationSets.isEmpty()) {
      throw new IllegalArgumentException("need at least one validation set");
    }
    double[] candidates =
        validationSets.stream()
            .flatMapToDouble(c -> Arrays.stream(c.thresholds()))
            .sorted()
            .distinct()
            .toArray();
    double bestThreshold = Double.POSITIVE_INFINITY;
    double bestMin = -1.0;
    double bestMean = -1.0;
    double[] bestPerSet = new double[validationSets.size()];
    double[] perSet = new double[validationSets.size()];
    // Descending, so that on a full tie the later (lower) threshold replaces the earlier one.
    for (int c = candidates.length - 1; c >= 0; c--) {
      double t = candidates[c];
      double min = Double.POSITIVE_INFINITY;
      double sum = 0.0;
      for (int s = 0; s < perSet.length; s++) {
        perSet[s] = validationSets.get(s).f1AtThreshold(t);
        min = Math.min(min, perSet[s]);
        sum += perSet[s];
      }
      double mean = sum / perSet.length;
      if (min > bestMin || (min == bestMin && mean >= bestMean)) {
        bestMin = min;
        bestMean = mean;
        bestThreshold = t;
        bestPerSet = perSet.clone();
      }
    }
    if (candidates.length == 0) {
      bestMin = 0.0;
    }
    return new CalibratedThreshold(bestThreshold, bestMin, bestPerSet);
  }
}
