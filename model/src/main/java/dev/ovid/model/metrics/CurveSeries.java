package dev.ovid.model.metrics;

import java.util.TreeSet;

/**
 * A plottable curve: points (x[i], y[i]) with the threshold that produced each, and the index of
 * the point to highlight (the F1 peak; -1 when none).
 */
public record CurveSeries(
    String xName, String yName, double[] x, double[] y, double[] thresholds, int peakIndex) {

  public CurveSeries {
    if (x.length != y.length || x.length != thresholds.length) {
      throw new IllegalArgumentException("x, y and thresholds differ in length");
    }
  }

  public int size() {
    return x.length;
  }

  /**
   * At most {@code maxPoints} points, evenly spaced by index, always keeping the first, the last
   * and the peak point so the plot shows the whole range and the operating point exactly.
   */
  public CurveSeries downsample(int maxPoints) {
    if (maxPoints < 3) {
      throw new IllegalArgumentException("maxPoints must be at least 3: " + maxPoints);
    }
    int n = x.length;
    if (n <= maxPoints) {
      return this;
    }
    TreeSet<Integer> keep = new TreeSet<>();
    keep.add(0);
    keep.add(n - 1);
    if (peakIndex >= 0) {
      keep.add(peakIndex);
    }
    int free = maxPoints - keep.size();
    for (int k = 1; k <= free; k++) {
      keep.add((int) Math.round((double) k * (n - 1) / (free + 1)));
    }
    while (keep.size() > maxPoints) {
      // Rounding can only collide, never overflow, but stay safe: drop an interior non-peak point.
      Integer drop = keep.higher(0);
      if (drop == peakIndex) {
        drop = keep.higher(drop);
      }
      keep.remove(drop);
    }
    double[] nx = new double[keep.size()];
    double[] ny = new double[keep.size()];
    double[] nt = new double[keep.size()];
    int newPeak = -1;
    int k = 0;
    for (int i : keep) {
      nx[k] = x[i];
      ny[k] = y[i];
      nt[k] = thresholds[i];
      if (i == peakIndex) {
        newPeak = k;
      }
      k++;
    }
    return new CurveSeries(xName, yName, nx, ny, nt, newPeak);
  }
}
