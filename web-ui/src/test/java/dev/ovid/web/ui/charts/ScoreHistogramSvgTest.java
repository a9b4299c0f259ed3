package dev.ovid.web.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.workflows.classification.LogOddsSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScoreHistogramSvgTest {
  private static final Pattern BIN =
      Pattern.compile("class=\"bin\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");

  /** Edges as the worker makes them: equal log-odds steps over the span. */
  private static List<Double> edges(LogOddsSpan span, int bins) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i <= bins; i++) out.add(span.probabilityAt((double) i / bins));
    return out;
  }

  @Test
  void aThresholdNextToOneIsLabelledWithTheDigitsThatTellItFromOne() {
    LogOddsSpan span = LogOddsSpan.spanning(0.999, 0.9999999, 0.9999948919929128);
    String svg =
        ScoreHistogramSvg.render(
            List.of(0, 1, 5, 40), edges(span, 4), 0.9999948919929128, "red circle");
    assertTrue(svg.contains(">threshold 0.9999948</text>"), svg);
    assertFalse(svg.contains("threshold 1.000"), svg);
    assertTrue(svg.contains(">0.99999</text>"), "a tick named as a probability: " + svg);
  }

  @Test
  void equalLogOddsBinsAreEqualBarsSideBySide() {
    String svg =
        ScoreHistogramSvg.render(
            List.of(3, 0, 7), edges(LogOddsSpan.spanning(0.2, 0.9), 3), 0.6, "x");
    Matcher m = BIN.matcher(svg);
    List<double[]> bars = new ArrayList<>();
    while (m.find())
      bars.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    assertEquals(3, bars.size(), svg);
    for (double[] bar : bars) assertEquals(bars.get(0)[1], bar[1], 0.2, svg);
    assertEquals(bars.get(0)[0] + bars.get(0)[1] + 2, bars.get(1)[0], 0.2, "no gap, no overlap");
  }

  @Test
  void binsOfAnOlderResultOverZeroToOneStillDraw() {
    String svg = ScoreHistogramSvg.render(List.of(1, 2), List.of(0.0, 0.5, 1.0), 0.5, "x");
    assertEquals(2, BIN.matcher(svg).results().count(), svg);
    assertThrows(
        IllegalArgumentException.class,
        () -> ScoreHistogramSvg.render(List.of(1, 2), List.of(0.0, 1.0), 0.5, "x"));
  }
}
