package dev.ovid.model.metrics.plot;

import dev.ovid.model.metrics.CurveSeries;
import java.util.Locale;

/** The three standard Ovid plots as SVG strings: PR curve, F1 vs threshold, training loss. */
public final class MetricPlots {

  private MetricPlots() {}

  /** Precision against recall on [0, 1]², the peak-F1 point marked. */
  public static String precisionRecall(CurveSeries pr, String title) {
    SvgLinePlot plot =
        new SvgLinePlot()
            .title(title)
            .axes("recall", "precision")
            .xRange(0, 1)
            .yRange(0, 1)
            .series("precision-recall", pr.x(), pr.y());
    if (pr.peakIndex() >= 0) {
      int p = pr.peakIndex();
      plot.marker(
          pr.x()[p],
          pr.y()[p],
          String.format(Locale.ROOT, "peak F1 at t=%s", NiceTicks.label(pr.thresholds()[p])));
    }
    return plot.toSvg();
  }

  /** F1 against the decision threshold, the peak marked with its value. */
  public static String f1VsThreshold(CurveSeries f1, String title) {
    SvgLinePlot plot =
        new SvgLinePlot()
            .title(title)
            .axes("threshold", "F1")
            .yRange(0, 1)
            .series("F1", f1.x(), f1.y());
    if (f1.peakIndex() >= 0) {
      int p = f1.peakIndex();
      plot.marker(
          f1.x()[p],
          f1.y()[p],
          String.format(Locale.ROOT, "F1 %.3f at t=%s", f1.y()[p], NiceTicks.label(f1.x()[p])));
    }
    return plot.toSvg();
  }

  /** Training loss per step. */
  public static String lossCurve(long[] steps, double[] losses, String title) {
    double[] x = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      x[i] = steps[i];
    }
    return new SvgLinePlot().title(title).axes("step", "loss").series("loss", x, losses).toSvg();
  }
}
