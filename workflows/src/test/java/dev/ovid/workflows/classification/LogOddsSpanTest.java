package dev.ovid.workflows.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogOddsSpanTest {

  @Test
  void logOddsAreTheSigmoidsInverseAndFiniteAtZeroAndOne() {
    assertEquals(0, LogOddsSpan.logOdds(0.5), 1e-12);
    assertEquals(Math.log(9), LogOddsSpan.logOdds(0.9), 1e-12);
    assertEquals(0.9, LogOddsSpan.probability(Math.log(9)), 1e-12);
    assertEquals(LogOddsSpan.LIMIT, LogOddsSpan.logOdds(1.0));
    assertEquals(-LogOddsSpan.LIMIT, LogOddsSpan.logOdds(0.0));
    assertEquals(-LogOddsSpan.LIMIT, LogOddsSpan.logOdds(Double.NaN));
  }

  @Test
  void scoresCrowdedNextToOneStandApart() {
    // The demo model's scores: on a 0..1 axis all three sit within 0.0001 of its end.
    LogOddsSpan span = LogOddsSpan.spanning(0.9999, 0.99999, 0.999999);
    double a = span.position(0.9999);
    double b = span.position(0.99999);
    double c = span.position(0.999999);
    assertTrue(a > 0.05 && c < 0.95, "a margin each side: " + a + ", " + c);
    assertEquals(b - a, c - b, 0.01, "equal log-odds steps are equal distances");
    assertTrue(c - a > 0.8, "they spread over most of the axis: " + (c - a));
  }

  @Test
  void aSpanIsTwoUnitsWideAtLeastAndCoversEveryValue() {
    LogOddsSpan one = LogOddsSpan.spanning(0.7);
    assertEquals(2, one.high() - one.low(), 1e-12);
    assertEquals(0.5, one.position(0.7), 1e-12);
    LogOddsSpan none = LogOddsSpan.spanning();
    assertEquals(0.5, none.position(0.5), 1e-12);
    LogOddsSpan wide = LogOddsSpan.spanning(0.01, 0.2, 0.99);
    for (double p : new double[] {0.01, 0.2, 0.99}) {
      double x = wide.position(p);
      assertTrue(x > 0 && x < 1, p + " at " + x);
    }
    assertEquals(0, wide.position(1e-9));
    assertEquals(1, wide.position(1.0));
  }

  @Test
  void aPlotsSpanCoversItsScoresAndItsThreshold() {
    LogOddsSpan span = LogOddsSpan.forScores(new double[] {0.3, 0.6}, 0.99);
    assertEquals(LogOddsSpan.spanning(0.3, 0.6, 0.99), span);
    assertTrue(span.position(0.99) < 1 && span.position(0.3) > 0, span.toString());
  }

  @Test
  void probabilityAtUndoesPosition() {
    LogOddsSpan span = LogOddsSpan.spanning(0.3, 0.99995);
    for (double p : new double[] {0.3, 0.5, 0.9, 0.999, 0.99995}) {
      assertEquals(p, span.probabilityAt(span.position(p)), 1e-12);
    }
  }

  @Test
  void ticksAreTheRoundProbabilitiesInsideTheSpanInOrder() {
    LogOddsSpan span = LogOddsSpan.spanning(0.9999, 0.999999);
    List<String> names = span.ticks().stream().map(LogOddsSpan.Tick::text).toList();
    assertEquals(List.of("0.9999", "0.99999", "0.999999"), names);
    List<String> middle =
        LogOddsSpan.spanning(0.02, 0.95).ticks().stream().map(LogOddsSpan.Tick::text).toList();
    assertEquals(List.of("0.1", "0.5", "0.9"), middle);
  }

  @Test
  void anEmptySpanIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LogOddsSpan(1, 1));
  }
}
