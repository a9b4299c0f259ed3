package dev.ovid.model.metrics.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG line chart (no scripts, no external CSS): axes with round ticks and labels,
 * a title, one polyline per series with a legend, and optional highlighted points. Plain strings,
 * so the UI can inline it and MLflow can store it as an artifact.
 */
public final class SvgLinePlot {

  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 36;
  private static final int BOTTOM = 52;

  private record Series(String name, double[] x, double[] y) {}

  private record Marker(double x, double y, String label) {}

  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private int width = 560;
  private int height = 400;
  private Double xMin;
  private Double xMax;
  private Double yMin;
  private Double yMax;
  private final List<Series> series = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();

  public SvgLinePlot title(String title) {
    this.title = title;
    return this;
  }

  public SvgLinePlot axes(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  public SvgLinePlot size(int width, int height) {
    if (width < LEFT + RIGHT + 50 || height < TOP + BOTTOM + 50) {
      throw new IllegalArgumentException("plot too small: " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    return this;
  }

  /** Fixed x range; otherwise the data's range. */
  public SvgLinePlot xRange(double min, double max) {
    xMin = min;
    xMax = max;
    return this;
  }

  /** Fixed y range; otherwise the data's range. */
  public SvgLinePlot yRange(double min, double max) {
    yMin = min;
    yMax = max;
    return this;
  }

  public SvgLinePlot series(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series '" + name + "': x and y differ in length");
    }
    series.add(new Series(name, x.clone(), y.clone()));
    return this;
  }

  /** A highlighted point with a text label (e.g. the F1 peak). */
  public SvgLinePlot marker(double x, double y, String label) {
    markers.add(new Marker(x, y, label));
    return this;
  }

  public String toSvg() {
    double[] xr = range(true, xMin, xMax);
    double[] yr = range(false, yMin, yMax);
    int plotW = width - LEFT - RIGHT;
    int plotH = height - TOP - BOTTOM;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            width,
            height,
            width,
            height));
    s.append(String.format(Locale.ROOT, "<title>%s</title>%n", escape(title)));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
            width,
            height));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">%s</text>%n",
            width / 2,
            escape(title)));
    // Grid and ticks.
    for (double t : NiceTicks.of(xr[0], xr[1], 6)) {
      double px = LEFT + (t - xr[0]) / (xr[1] - xr[0]) * plotW;
      s.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#e0e0e0\"/>%n"
                  + "<text class=\"xtick\" x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              px,
              TOP,
              px,
              TOP + plotH,
              px,
              TOP + plotH + 16,
              NiceTicks.label(t)));
    }
    for (double t : NiceTicks.of(yr[0], yr[1], 6)) {
      double py = TOP + plotH - (t - yr[0]) / (yr[1] - yr[0]) * plotH;
      s.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#e0e0e0\"/>%n"
                  + "<text class=\"ytick\" x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n",
              LEFT,
              py,
              LEFT + plotW,
              py,
              LEFT - 6,
              py + 4,
              NiceTicks.label(t)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
            LEFT,
            TOP,
            plotW,
            plotH));
    s.append(
        String.format(
            Locale.ROOT,
            "<text class=\"xlabel\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            LEFT + plotW / 2,
            height - 12,
            escape(xLabel)));
    s.append(
        String.format(
            Locale.ROOT,
            "<text class=\"ylabel\" x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90"
                + " 16 %d)\">%s</text>%n",
            TOP + plotH / 2,
            TOP + plotH / 2,
            escape(yLabel)));
    // Data, clipped to the plot area.
    s.append(
        String.format(
            Locale.ROOT,
            "<clipPath id=\"plot-area\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "</clipPath>%n<g clip-path=\"url(#plot-area)\">%n",
            LEFT,
            TOP,
            plotW,
            plotH));
    for (int k = 0; k < series.size(); k++) {
      Series ser = series.get(k);
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < ser.x.length; i++) {
        if (!Double.isFinite(ser.x[i]) || !Double.isFinite(ser.y[i])) {
          continue;
        }
        double px = LEFT + (ser.x[i] - xr[0]) / (xr[1] - xr[0]) * plotW;
        double py = TOP + plotH - (ser.y[i] - yr[0]) / (yr[1] - yr[0]) * plotH;
        pts.append(String.format(Locale.ROOT, "%s%.2f,%.2f", pts.length() == 0 ? "" : " ", px, py));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline class=\"series\" data-name=\"%s\" fill=\"none\" stroke=\"%s\""
                  + " stroke-width=\"1.8\" points=\"%s\"/>%n",
              escape(ser.name),
              COLORS[k % COLORS.length],
              pts));
    }
    for (Marker m : markers) {
      double px = LEFT + (m.x - xr[0]) / (xr[1] - xr[0]) * plotW;
      double py = TOP + plotH - (m.y - yr[0]) / (yr[1] - yr[0]) * plotH;
      s.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"marker\" cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"black\"/>%n"
                  + "<text class=\"marker-label\" x=\"%.2f\" y=\"%.2f\">%s</text>%n",
              px,
              py,
              px + 6,
              py - 6,
              escape(m.label)));
    }
    s.append("</g>\n");
    // Legend, top right inside the plot.
    for (int k = 0; k < series.size() && series.size() > 1; k++) {
      int ly = TOP + 16 + 16 * k;
      int lx = LEFT + plotW - 150;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                  + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>%n",
              lx,
              ly - 4,
              lx + 20,
              ly - 4,
              COLORS[k % COLORS.length],
              lx + 26,
              ly,
              escape(series.get(k).name)));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private double[] range(boolean isX, Double fixedMin, Double fixedMax) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series ser : series) {
      for (double v : isX ? ser.x : ser.y) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (fixedMin != null) {
      min = fixedMin;
    }
    if (fixedMax != null) {
      max = fixedMax;
    }
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      return new double[] {0, 1};
    }
    if (max <= min) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      return new double[] {min - pad, max + pad};
    }
    return new double[] {min, max};
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
