package dev.ovid.web.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.workflows.classification.LabelScore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScoreBarsSvgTest {
  private static final Pattern BAR =
      Pattern.compile("class=\"bar\" x=\"\\d+\" y=\"\\d+\" width=\"([0-9.]+)\"");
  private static final Pattern SCORE = Pattern.compile("class=\"score\"[^>]*>([^<]*)<");
  private static final Pattern THRESHOLD = Pattern.compile("class=\"threshold\" x1=\"([0-9.]+)\"");

  private static List<Double> barWidths(String svg) {
    List<Double> out = new ArrayList<>();
    Matcher m = BAR.matcher(svg);
    while (m.find()) out.add(Double.parseDouble(m.group(1)));
    return out;
  }

  private static List<String> scoreTexts(String svg) {
    return SCORE.matcher(svg).results().map(r -> r.group(1)).toList();
  }

  @Test
  void scoresCrowdedNextToOneGetBarsOfDifferentLengthsAndTheirOwnDigits() {
    // What the demo model gives: every score and the threshold within 0.0001 of 1.
    List<LabelScore> labels =
        List.of(
            new LabelScore("red circle", 0.999999, true),
            new LabelScore("moving left", 0.99999, true),
            new LabelScore("blue square", 0.9999, false));
    String svg = ScoreBarsSvg.render(labels, 0.9999948);
    List<Double> widths = barWidths(svg);
    assertEquals(3, widths.size(), svg);
    assertTrue(widths.get(0) > widths.get(1) + 100, "" + widths);
    assertTrue(widths.get(1) > widths.get(2) + 100, "" + widths);
    assertEquals(List.of("0.999999", "0.99999", "0.9999"), scoreTexts(svg));
    assertTrue(svg.contains(">threshold 0.9999948</text>"), svg);
    assertTrue(svg.contains("score (log-odds scale)"), svg);
  }

  @Test
  void theThresholdLineFallsBetweenTheBarsItSeparates() {
    List<LabelScore> labels =
        List.of(new LabelScore("passes", 0.8, true), new LabelScore("fails", 0.3, false));
    String svg = ScoreBarsSvg.render(labels, 0.6);
    List<Double> widths = barWidths(svg);
    Matcher m = THRESHOLD.matcher(svg);
    assertTrue(m.find(), svg);
    double line = Double.parseDouble(m.group(1)) - 260; // the bars start after the label column
    assertTrue(widths.get(1) < line && line < widths.get(0), line + " vs " + widths);
    assertTrue(svg.contains("fill=\"#2e7d32\"") && svg.contains("fill=\"#9e9e9e\""), svg);
    assertTrue(svg.contains(">0.5</text>"), "the 0.5 tick: " + svg);
  }

  @Test
  void labelsAreEscaped() {
    String svg = ScoreBarsSvg.render(List.of(new LabelScore("a <b> & \"c\"", 0.4, false)), 0.5);
    assertTrue(svg.contains("a &lt;b&gt; &amp; &quot;c&quot;"), svg);
  }
}
