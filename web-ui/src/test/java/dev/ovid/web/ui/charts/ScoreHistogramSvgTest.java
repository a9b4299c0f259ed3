package dev.ovid.web.ui.charts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreHistogramSvgTest {

  @Test
  void aThresholdNextToOneIsLabelledWithTheDigitsThatTellItFromOne() {
    String svg = ScoreHistogramSvg.render(List.of(0, 1, 5, 40), 0.9999948919929128, "red circle");
    assertTrue(svg.contains(">threshold 0.9999948</text>"), svg);
    assertFalse(svg.contains("threshold 1.000"), svg);
  }
}
