package dev.ovid.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrecisionRecallCurveTest {

  @Test
  void tiedScoresFormOnePoint() {
    PrecisionRecallCurve c =
        PrecisionRecallCurve.of(
            new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, true, false});
    assertEquals(1, c.size());
    assertEquals(0.5, c.precision(0));
    assertEquals(1.0, c.recall(0));
    // One step from recall 0 to 1 at precision 0.5: AP is 0.5, not order-dependent.
    assertEquals(0.5, c.averagePrecision(), 1e-15);
  }

  @Test
  void negativeZeroTiesWithZero() {
    PrecisionRecallCurve c =
        PrecisionRecallCurve.of(new double[] {0.0, -0.0, 1.0}, new boolean[] {true, false, true});
    assertEquals(2, c.size());
  }

  @Test
  void unscoredPositivesScaleAveragePrecisionByRecallCeiling() {
    Random rnd = new Random(7);
    double[] s = new double[500];
    boolean[] y = new boolean[500];
    int positives = 0;
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.round(rnd.nextDouble() * 20) / 20.0;
      y[i] = rnd.nextDouble() < 0.3 + 0.4 * s[i];
      positives += y[i] ? 1 : 0;
    }
    double full = PrecisionRecallCurve.of(s, y).averagePrecision();
    double withMissed = PrecisionRecallCurve.of(s, y, 37).averagePrecision();
    assertEquals(full * positives / (positives + 37.0), withMissed, 1e-12);
    assertEquals(
        (double) positives / (positives + 37),
        PrecisionRecallCurve.of(s, y, 37).recall(PrecisionRecallCurve.of(s, y, 37).size() - 1),
        1e-15);
  }

  @Test
  void peakF1TiesGoToTheLowestThreshold() {
    // F1 = 2/3 both at t=0.9 (TP 1, FP 0) and at t=0.6 (TP 2, FP 2).
    PrecisionRecallCurve c =
        PrecisionRecallCurve.of(
            new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, false, true});
    ThresholdF1 peak = c.peakF1();
    assertEquals(2.0 / 3, peak.f1(), 1e-15);
    assertEquals(0.6, peak.threshold());
    assertEquals(c.f1AtThreshold(0.9), c.f1AtThreshold(0.6));
  }

  @Test
  void f1AtThresholdCountsScoresEqualToTheThresholdAsPositive() {
    PrecisionRecallCurve c =
        PrecisionRecallCurve.of(new double[] {0.9, 0.5, 0.1}, new boolean[] {true, true, false});
    assertEquals(1.0, c.f1AtThreshold(0.5));
    assertEquals(2.0 / 3, c.f1AtThreshold(0.50001), 1e-15);
    assertEquals(0.0, c.f1AtThreshold(1.5));
    assertEquals(0.8, c.f1AtThreshold(-3), 1e-15);
  }

  @Test
  void noPositivesGivesZeroEverywhere() {
    PrecisionRecallCurve c = PrecisionRecallCurve.of(new double[] {0.3, 0.2}, new boolean[2]);
    assertEquals(0.0, c.averagePrecision());
    assertEquals(0.0, c.peakF1().f1());
    assertTrue(Double.isInfinite(c.peakF1().threshold()));
  }

  @Test
  void rejectsNaNScores() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PrecisionRecallCurve.of(new double[] {Double.NaN}, new boolean[] {true}));
  }

  @Test
  void seriesAreDownsampledKeepingEndsAndPeak() {
    Random rnd = new Random(11);
    int n = 20_000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextDouble() < 0.2;
      s[i] = rnd.nextGaussian() + (y[i] ? 1.0 : 0.0);
    }
    PrecisionRecallCurve c = PrecisionRecallCurve.of(s, y);
    ThresholdF1 peak = c.peakF1();

    CurveSeries pr = c.prSeries(100);
    assertTrue(pr.size() <= 100 && pr.size() >= 90, "size " + pr.size());
    assertEquals(0.0, pr.x()[0]);
    assertEquals(1.0, pr.y()[0]);
    assertEquals(1.0, pr.x()[pr.size() - 1]);
    assertEquals(c.precision(c.size() - 1), pr.y()[pr.size() - 1]);
    assertEquals(peak.recall(), pr.x()[pr.peakIndex()]);
    assertEquals(peak.precision(), pr.y()[pr.peakIndex()]);

    CurveSeries f1 = c.f1Series(100);
    assertTrue(f1.size() <= 100);
    for (int i = 1; i < f1.size(); i++) {
      assertTrue(f1.x()[i] > f1.x()[i - 1], "thresholds ascend");
    }
    assertEquals(peak.threshold(), f1.x()[f1.peakIndex()]);
    assertEquals(peak.f1(), f1.y()[f1.peakIndex()]);
    double max = 0;
    for (double v : f1.y()) {
      max = Math.max(max, v);
    }
    assertEquals(peak.f1(), max);
  }

  @Test
  void calibrationPrefersTheThresholdThatServesEverySet() {
    // Set A peaks at 0.8, set B at 0.3; one threshold must serve both.
    PrecisionRecallCurve a =
        PrecisionRecallCurve.of(
            new double[] {0.9, 0.8, 0.5, 0.3, 0.2},
            new boolean[] {true, true, false, false, false});
    PrecisionRecallCurve b =
        PrecisionRecallCurve.of(
            new double[] {0.9, 0.8, 0.5, 0.3, 0.2}, new boolean[] {true, false, true, true, false});
    ThresholdCalibration.CalibratedThreshold c = ThresholdCalibration.maxMinF1(List.of(a, b));
    double bestBrute = -1;
    List<Double> winners = new ArrayList<>();
    for (double t : new double[] {0.9, 0.8, 0.5, 0.3, 0.2}) {
      double min = Math.min(a.f1AtThreshold(t), b.f1AtThreshold(t));
      if (min > bestBrute) {
        bestBrute = min;
        winners.clear();
      }
      if (min == bestBrute) {
        winners.add(t);
      }
    }
    assertEquals(bestBrute, c.minF1());
    assertTrue(winners.contains(c.threshold()));
    assertEquals(Math.min(c.f1PerSet()[0], c.f1PerSet()[1]), c.minF1());
  }
}
