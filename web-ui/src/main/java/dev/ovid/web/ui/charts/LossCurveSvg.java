package dev.ovid.web.ui.charts;

import dev.ovid.registry.run.LossSample;
import java.util.List;
import java.util.Locale;

/**
 * Draws a training-loss curve as a self-contained SVG document (axes, min/max ticks, one polyline),
 * rendered on the server so the UI needs no charting add-on.
 */
public final class LossCurveSvg {
  static final int WIDTH = 640;
  static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private LossCurveSvg() {}

  /** The SVG for {@code samples} (ordered by step); a placeholder text when there are none. */
  public static String render(List<LossSample> samples) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    List<LossSample> finite = samples.stream().filter(s -> Double.isFinite(s.loss())).toList();
    if (finite.isEmpty()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">no loss recorded yet</text>",
              WIDTH / 2,
              HEIGHT / 2));
      return svg.append("</svg>").toString();
    }
    long minStep = finite.get(0).step();
    long maxStep = finite.get(finite.size() - 1).step();
    double minLoss = finite.stream().mapToDouble(LossSample::loss).min().orElseThrow();
    double maxLoss = finite.stream().mapToDouble(LossSample::loss).max().orElseThrow();
    if (maxLoss == minLoss) {
      // A flat curve still needs a visible y range.
      maxLoss += 0.5;
      minLoss -= 0.5;
    }
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    int x0 = LEFT;
    int y0 = HEIGHT - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<g stroke=\"#444\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>",
            x0,
            TOP,
            x0,
            y0,
            x0,
            y0,
            WIDTH - RIGHT,
            y0));
    svg.append(label(x0 - 6, TOP + 4, "end", format(maxLoss)));
    svg.append(label(x0 - 6, y0, "end", format(minLoss)));
    svg.append(label(x0, y0 + 16, "middle", Long.toString(minStep)));
    svg.append(label(WIDTH - RIGHT, y0 + 16, "end", Long.toString(maxStep)));
    svg.append(label(x0 + (int) plotWidth / 2, HEIGHT - 6, "middle", "step"));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">loss</text>",
            TOP + (int) plotHeight / 2,
            TOP + (int) plotHeight / 2));
    svg.append(
        "<polyline class=\"loss\" fill=\"none\" stroke=\"#1676f3\" stroke-width=\"2\" points=\"");
    double stepSpan = Math.max(1, maxStep - minStep);
    for (LossSample s : finite) {
      double x = x0 + (s.step() - minStep) / stepSpan * plotWidth;
      double y = y0 - (s.loss() - minLoss) / (maxLoss - minLoss) * plotHeight;
      svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    svg.setLength(svg.length() - 1);
    svg.append("\"/>");
    return svg.append("</svg>").toString();
  }

  private static String label(int x, int y, String anchor, String text) {
    return String.format(
        Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, text);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.4g", value);
  }
}
