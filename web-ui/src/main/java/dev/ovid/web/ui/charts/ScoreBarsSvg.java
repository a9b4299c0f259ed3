package dev.ovid.web.ui.charts;

import dev.ovid.web.ui.components.Thresholds;
import dev.ovid.workflows.classification.LabelScore;
import dev.ovid.workflows.classification.LogOddsSpan;
import java.util.List;
import java.util.Locale;

/**
 * Label scores as horizontal bars with the calibrated threshold as a dashed line, drawn as plain
 * SVG on the server (no chart component, no licence). The axis is log-odds ({@link LogOddsSpan})
 * over the scores and the threshold, with ticks named as probabilities: a model's scores often
 * crowd next to 1, and on a 0..1 axis every bar would be full.
 */
public final class ScoreBarsSvg {
  private static final int LABEL_WIDTH = 260;
  private static final int BAR_WIDTH = 420;
  private static final int ROW = 22;
  private static final int TOP = 24;
  private static final int AXIS = 38;

  private ScoreBarsSvg() {}

  public static String render(List<LabelScore> labels, double threshold) {
    LogOddsSpan span =
        LogOddsSpan.forScores(labels.stream().mapToDouble(LabelScore::score).toArray(), threshold);
    int rowsBottom = TOP + ROW * Math.max(1, labels.size());
    int height = rowsBottom + AXIS;
    int width = LABEL_WIDTH + BAR_WIDTH + 90;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
            width,
            height,
            width,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    for (int i = 0; i < labels.size(); i++) {
      LabelScore l = labels.get(i);
      int y = TOP + i * ROW;
      double w = Math.max(1, span.position(l.score()) * BAR_WIDTH);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
              LABEL_WIDTH - 8,
              y + 14,
              escape(shorten(l.label()))));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              LABEL_WIDTH,
              y + 3,
              w,
              ROW - 6,
              l.passes() ? "#2e7d32" : "#9e9e9e"));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"score\" x=\"%.1f\" y=\"%d\">%s</text>",
              LABEL_WIDTH + w + 4,
              y + 14,
              Thresholds.format(l.score())));
    }
    axis(svg, span, rowsBottom);
    double x = LABEL_WIDTH + span.position(threshold) * BAR_WIDTH;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"threshold\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c62828\""
                + " stroke-width=\"2\" stroke-dasharray=\"5,3\"/>",
            x,
            TOP - 6,
            x,
            rowsBottom));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" fill=\"#c62828\" text-anchor=\"middle\">threshold %s</text>",
            x,
            TOP - 10,
            Thresholds.format(threshold)));
    return svg.append("</svg>").toString();
  }

  /** The axis line under the bars, its ticks named as probabilities, and what the scale is. */
  private static void axis(StringBuilder svg, LogOddsSpan span, int y) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#616161\"/>",
            LABEL_WIDTH,
            y + 2,
            LABEL_WIDTH + BAR_WIDTH,
            y + 2));
    for (LogOddsSpan.Tick tick : span.ticks()) {
      double x = LABEL_WIDTH + span.position(tick.probability()) * BAR_WIDTH;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#616161\"/>"
                  + "<text class=\"tick-label\" x=\"%.1f\" y=\"%d\" font-size=\"10\""
                  + " text-anchor=\"middle\" fill=\"#616161\">%s</text>",
              x,
              y + 2,
              x,
              y + 6,
              x,
              y + 17,
              tick.text()));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#616161\">score (log-odds scale)</text>",
            LABEL_WIDTH,
            y + 32));
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 39) + "…" : s;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
