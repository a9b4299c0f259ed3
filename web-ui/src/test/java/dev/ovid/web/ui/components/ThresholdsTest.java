package dev.ovid.web.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

  @Test
  void threeDecimalsWhenTheyTellTheThresholdApart() {
    assertEquals("0.400", Thresholds.format(0.4));
    assertEquals("0.998", Thresholds.format(0.99812));
    assertEquals("1.000", Thresholds.format(1.0));
    assertEquals("0.000", Thresholds.format(0.0));
  }

  @Test
  void moreDigitsWhenThreeWouldRoundInsideToOneOrZeroNeverShowingOneOrZero() {
    // The demo model's peak-F1 threshold: "1.000" would say nothing passes.
    assertEquals("0.9999948", Thresholds.format(0.9999948919929128));
    assertEquals("0.99962", Thresholds.format(0.99962));
    assertEquals("0.00001", Thresholds.format(1e-5));
    assertEquals("0.99999", Thresholds.format(0.99999));
    assertEquals("0.9999", Thresholds.format(0.9999));
    assertEquals("0.999999999", Thresholds.format(1 - 1e-12));
  }
}
