package dev.ovid.web.ui.charts;

import dev.ovid.web.ui.components.Thresholds;
import java.util.List;
import java.util.Locale;

/**
 * A label preview's score histogram: equal bins over [0, 1] as bars (count on top), the calibrated
 * threshold as a dashed line, drawn as plain SVG on the server like the other plots.
 */
public final class ScoreHistogramSvg {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 220;
  private static final int LEFT = 40;
  private static final int RIGHT = 16;
  private static final int TOP = 30;
  private static final int BOTTOM = 36;

  private ScoreHistogramSvg() {}

  public static String render(List<Integer> bins, double threshold, String label) {
    int n = Math.max(1, bins.size());
    int max = Math.max(1, bins.stream().mapToInt(Integer::intValue).max().orElse(1));
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double barWidth = plotWidth / n;
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
      double x = LEFT + i * barWidth;
      double y = TOP + plotHeight - h;
      boolean above = (i + 1.0) / n > threshold;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                  + " fill=\"%s\"><title>%.2f-%.2f: %d</title></rect>",
              x + 1,
              y,
              Math.max(1, barWidth - 2),
              h,
              above ? "#2e7d32" : "#9e9e9e",
              (double) i / n,
              (i + 1.0) / n,
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
    for (int t = 0; t <= 10; t += 2) {
      double x = LEFT + plotWidth * t / 10.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.1f</text>",
              x,
              axis + 14,
              t / 10.0));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">score (videos per bin)</text>",
            LEFT + plotWidth / 2,
            HEIGHT - 4));
    double tx = LEFT + plotWidth * Math.max(0, Math.min(1, threshold));
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
            threshold > 0.8 ? "end" : "start",
            Thresholds.format(threshold)));
    return svg.append("</svg>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
