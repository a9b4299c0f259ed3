package dev.ovid.model.metrics.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Round tick values (1, 2 or 5 times a power of ten) covering a range, about {@code n} of them. */
final class NiceTicks {

  private NiceTicks() {}

  static List<Double> of(double min, double max, int n) {
    if (!(max > min)) {
      return List.of(min);
    }
    double step = niceStep((max - min) / Math.max(1, n - 1));
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(min / step - 1e-9) * step;
    for (double t = first; t <= max + step * 1e-9; t += step) {
      // Recompute from the index so repeated additions don't drift off the grid.
      ticks.add(Math.round(t / step) * step);
    }
    return ticks;
  }

  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10; // nearest
    return nice * power;
  }

  /** A short label: no trailing zeros, scientific only for very large or small magnitudes. */
  static String label(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e6 || a < 1e-4) {
      return String.format(java.util.Locale.ROOT, "%.2g", v);
    }
    return new BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", v))
        .stripTrailingZeros()
        .toPlainString();
  }
}
