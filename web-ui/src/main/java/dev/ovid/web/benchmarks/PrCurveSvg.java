package dev.ovid.web.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.registry.common.Json;
import java.util.Locale;

/**
 * A precision-recall curve as a small standalone SVG, drawn on the server from the stored points
 * {@code [[recall, precision], ...]}: the control plane carries no plotting library.
 */
public final class PrCurveSvg {
  private static final int W = 320;
  private static final int H = 220;
  private static final int L = 44;
  private static final int R = 10;
  private static final int T = 24;
  private static final int B = 34;

  private PrCurveSvg() {}

  public static String render(String pointsJson, String title) {
    JsonNode points;
    try {
      points = Json.mapper().readTree(pointsJson);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored PR curve is not JSON: " + e.getMessage(), e);
    }
    StringBuilder path = new StringBuilder();
    for (JsonNode p : points) {
      double x = L + p.get(0).asDouble() * (W - L - R);
      double y = T + (1 - p.get(1).asDouble()) * (H - T - B);
      path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(',').append(f(y));
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(W)
        .append("\" height=\"")
        .append(H)
        .append("\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">");
    svg.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(W)
        .append("\" height=\"")
        .append(H)
        .append("\" fill=\"white\"/>");
    svg.append("<text x=\"")
        .append(W / 2)
        .append("\" y=\"14\" text-anchor=\"middle\">")
        .append(escape(title))
        .append("</text>");
    int x0 = L;
    int x1 = W - R;
    int y0 = H - B;
    int y1 = T;
    svg.append(line(x0, y0, x1, y0)).append(line(x0, y0, x0, y1));
    for (int i = 0; i <= 4; i++) {
      double v = i / 4.0;
      double x = x0 + v * (x1 - x0);
      double y = y0 - v * (y0 - y1);
      svg.append("<text x=\"")
          .append(f(x))
          .append("\" y=\"")
          .append(y0 + 14)
          .append("\" text-anchor=\"middle\">")
          .append(f(v))
          .append("</text>");
      svg.append("<text x=\"")
          .append(x0 - 4)
          .append("\" y=\"")
          .append(f(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(f(v))
          .append("</text>");
    }
    svg.append("<text x=\"")
        .append((x0 + x1) / 2)
        .append("\" y=\"")
        .append(H - 4)
        .append("\" text-anchor=\"middle\">recall</text>");
    svg.append("<text x=\"12\" y=\"")
        .append((y0 + y1) / 2)
        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
        .append((y0 + y1) / 2)
        .append(")\">precision</text>");
    if (path.length() > 0) {
      svg.append("<path d=\"")
          .append(path)
          .append("\" fill=\"none\" stroke=\"#1676f3\" stroke-width=\"2\"/>");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static String line(int xa, int ya, int xb, int yb) {
    return "<line x1=\""
        + xa
        + "\" y1=\""
        + ya
        + "\" x2=\""
        + xb
        + "\" y2=\""
        + yb
        + "\" stroke=\"#555\"/>";
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
