package dev.ovid.workflows.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stretch of the log-odds scale (the logit, log(p / (1 - p)): what the model's sigmoid was given)
 * that plots of scores use as their axis. Sigmoid scores of a model whose embeddings all lie close
 * together crowd next to 1 (0.99990, 0.99999): on a 0..1 axis they are one full bar, on this one
 * they stand as far apart as they are for the model. The span covers the scores it must show, with
 * a margin.
 *
 * @param low log-odds at the axis's start
 * @param high log-odds at its end
 */
public record LogOddsSpan(double low, double high) {
  /** Beyond ±17 a float32 sigmoid is exactly 0 or 1: such scores sit at the ends of this range. */
  public static final double LIMIT = 17;

  private static final double LEAST_WIDTH = 2;
  private static final int MOST_DECADES = 7;

  public LogOddsSpan {
    if (!(low < high)) {
      throw new IllegalArgumentException("low must be below high: " + low + ", " + high);
    }
  }

  /** The log-odds of a probability, clamped to ±{@link #LIMIT} (so 0 and 1 are finite). */
  public static double logOdds(double p) {
    if (!(p > 0)) return -LIMIT;
    if (!(p < 1)) return LIMIT;
    return Math.max(-LIMIT, Math.min(LIMIT, Math.log(p / (1 - p))));
  }

  /** The probability at these log-odds. */
  public static double probability(double logOdds) {
    return 1 / (1 + Math.exp(-logOdds));
  }

  /**
   * The span of these probabilities with a margin of a tenth of their spread each side (half a unit
   * at least), and two units wide at least.
   */
  public static LogOddsSpan spanning(double... probabilities) {
    if (probabilities.length == 0) return new LogOddsSpan(-LEAST_WIDTH, LEAST_WIDTH);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double p : probabilities) {
      double x = logOdds(p);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double margin = Math.max(0.5, (max - min) / 10);
    min -= margin;
    max += margin;
    if (max - min < LEAST_WIDTH) {
      double mid = (min + max) / 2;
      min = mid - LEAST_WIDTH / 2;
      max = mid + LEAST_WIDTH / 2;
    }
    return new LogOddsSpan(min, max);
  }

  /** The span a plot of these scores with their decision threshold needs: {@link #spanning}. */
  public static LogOddsSpan forScores(double[] scores, double threshold) {
    double[] shown = Arrays.copyOf(scores, scores.length + 1);
    shown[scores.length] = threshold;
    return spanning(shown);
  }

  /** Where a probability falls along the span: 0 at its start, 1 at its end, clamped. */
  public double position(double p) {
    return Math.max(0, Math.min(1, (logOdds(p) - low) / (high - low)));
  }

  /** The probability at a position along the span (0 at its start, 1 at its end). */
  public double probabilityAt(double position) {
    return probability(low + position * (high - low));
  }

  /**
   * Round probabilities inside the span to name on an axis: 0.5 and the decades toward 0 and 1
   * (0.1, 0.01, ... and 0.9, 0.99, ...), from the middle outward.
   */
  public List<Tick> ticks() {
    List<Tick> out = new ArrayList<>();
    add(out, 0.5, "0.5");
    for (int k = 1; k <= MOST_DECADES; k++) {
      double gap = Math.pow(10, -k);
      add(out, 1 - gap, "0." + "9".repeat(k));
      add(out, gap, "0." + "0".repeat(k - 1) + "1");
    }
    out.sort((a, b) -> Double.compare(logOdds(a.probability()), logOdds(b.probability())));
    return out;
  }

  private void add(List<Tick> out, double p, String text) {
    double x = logOdds(p);
    if (x >= low && x <= high) out.add(new Tick(p, text));
  }

  /** A named probability on the axis. */
  public record Tick(double probability, String text) {}
}
