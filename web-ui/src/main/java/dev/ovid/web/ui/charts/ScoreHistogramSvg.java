package dev.ovid.web.ui.charts;

import dev.ovid.web.ui.components.Thresholds;
import dev.ovid.workflows.classification.LogOddsSpan;
import java.util.List;
import java.util.Locale;

/**
 * A label preview's score histogram: the bins as bars (count on top), the calibrated threshold as a
 * dashed line, drawn as plain SVG on the server like the other plots. The axis is log-odds, ticks
 * named as probabilities ({@link LogOddsSpan}): the worker's bins are equal steps of log-odds over
 * the scores, so scores crowded next to 1 spread out instead of filling the last bin.
 */
public final class ScoreHistogramSvg {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 220;
  private static final int LEFT = 40;
  private static final int RIGHT = 16;
  private static final int TOP = 30;
  private static final int BOTTOM = 36;

  private ScoreHistogramSvg() {}

  /**
   * @param bins videos per bin
   * @param edges the bins' edges as probabilities, one more than the bins ({@link
   *     dev.ovid.workflows.videoindex.LabelPreviewResult#edges()})
   */
  public static String render(
      List<Integer> bins, List<Double> edges, double threshold, String label) {
    if (edges.size() != bins.size() + 1) {
      throw new IllegalArgumentException(
          bins.size() + " bins need " + (bins.size() + 1) + " edges, not " + edges.size());
    }
    LogOddsSpan span = spanOf(edges);
    int max = Math.max(1, bins.stream().mapToInt(Integer::intValue).max().orElse(1));
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"16\" font-size=\"13\">Scores of '%s' over the indexed videos</text>",
            LEFT,
            escape(label.length() > 50 ? label.substring(0, 49) + "…" : label)));
    for (int i = 0; i < bins.size(); i++) {
      int count = bins.get(i);
      double h = plotHeight * count / max;
      double x = LEFT + plotWidth * span.position(edges.get(i));
      double barWidth = plotWidth * span.position(edges.get(i + 1)) - (x - LEFT);
      double y = TOP + plotHeight - h;
      boolean above = edges.get(i + 1) > threshold;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                  + " fill=\"%s\"><title>%s-%s: %d</title></rect>",
              x + 1,
              y,
              Math.max(1, barWidth - 2),
              h,
              above ? "#2e7d32" : "#9e9e9e",
              Thresholds.format(edges.get(i)),
              Thresholds.format(edges.get(i + 1)),
              count));
      if (count > 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                x + barWidth / 2,
                y - 3,
                count));
      }
    }
    double axis = TOP + plotHeight;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>",
            LEFT,
            axis,
            WIDTH - RIGHT,
            axis));
    for (LogOddsSpan.Tick tick : span.ticks()) {
      double x = LEFT + plotWidth * span.position(tick.probability());
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                  + " stroke=\"#333\"/><text class=\"tick-label\" x=\"%.1f\" y=\"%.1f\""
                  + " text-anchor=\"middle\">%s</text>",
              x,
              axis,
              x,
              axis + 4,
              x,
              axis + 15,
              tick.text()));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">score, log-odds scale (videos per"
                + " bin)</text>",
            LEFT + plotWidth / 2,
            HEIGHT - 4));
    double tx = LEFT + plotWidth * span.position(threshold);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"threshold\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\""
                + " stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>",
            tx,
            TOP - 6,
            tx,
            axis));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" fill=\"#c62828\" text-anchor=\"%s\">threshold %s</text>",
            tx,
            TOP - 8,
            span.position(threshold) > 0.6 ? "end" : "start",
            Thresholds.format(threshold)));
    return svg.append("</svg>").toString();
  }

  /** The log-odds the edges cover (two units around them when they are one value). */
  private static LogOddsSpan spanOf(List<Double> edges) {
    double low = LogOddsSpan.logOdds(edges.get(0));
    double high = LogOddsSpan.logOdds(edges.get(edges.size() - 1));
    return high > low ? new LogOddsSpan(low, high) : new LogOddsSpan(low - 1, low + 1);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
