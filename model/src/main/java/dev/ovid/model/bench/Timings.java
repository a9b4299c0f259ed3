package dev.ovid.model.bench;

import java.util.Arrays;
import java.util.List;

/** Median and spread (min, max, interquartile range) of timed repetitions, in milliseconds. */
public record Timings(double median, double min, double max, double q1, double q3, int count) {

  public static Timings of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no timings");
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return new Timings(
        quantile(v, 0.5), v[0], v[v.length - 1], quantile(v, 0.25), quantile(v, 0.75), v.length);
  }

  /** Linear interpolation between order statistics (numpy's default). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** "7,412 ms (IQR 7,301-7,530, range 7,250-7,801, n=5)". */
  public String describe() {
    return String.format(
        "%,.0f ms (IQR %,.0f-%,.0f, range %,.0f-%,.0f, n=%d)", median, q1, q3, min, max, count);
  }
}
