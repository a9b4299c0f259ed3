package dev.ovid.activities.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ovid.model.metrics.PrecisionRecallCurve;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteCalibrationTest {
  private static PrecisionRecallCurve curve(double[] scores, boolean[] positives) {
    return PrecisionRecallCurve.of(scores, positives);
  }

  /**
   * Worked by hand (positive when score ≥ t). Calibration set A: 0.9+ 0.8- 0.6+ 0.3-; set B: 0.7+
   * 0.5+ 0.4- 0.2+. F1(A) at t = 0.9 .. 0.2: 2/3, 1/2, 1/2, 4/5, 4/5, 4/5, 2/3, 2/3. F1(B): 0, 0,
   * 1/2, 1/2, 4/5, 2/3, 2/3, 6/7. Min: 0, 0, 1/2, 1/2, 4/5, 2/3, 2/3, 2/3 → t = 0.5 with min F1
   * 4/5. Evaluation set 1: 0.55+ 0.45+ 0.1- → at 0.5 TP 1, FN 1 → P 1, R 1/2, F1 2/3. Set 2: 0.6-
   * 0.52+ 0.4+ → TP 1, FP 1, FN 1 → F1 1/2.
   */
  @Test
  void picksTheThresholdThatMaximisesTheMinimumF1() {
    var a = curve(new double[] {0.9, 0.8, 0.6, 0.3}, new boolean[] {true, false, true, false});
    var b = curve(new double[] {0.7, 0.5, 0.4, 0.2}, new boolean[] {true, true, false, true});
    var e1 = curve(new double[] {0.55, 0.45, 0.1}, new boolean[] {true, true, false});
    var e2 = curve(new double[] {0.6, 0.52, 0.4}, new boolean[] {false, true, true});
    SuiteCalibration.Result r = SuiteCalibration.calibrate(List.of(a, b), List.of(e1, e2));
    assertEquals(0.5, r.threshold(), 0.0);
    assertEquals(0.8, r.minF1(), 1e-12);
    assertEquals(0.8, r.calibrationF1().get(0), 1e-12);
    assertEquals(0.8, r.calibrationF1().get(1), 1e-12);
    assertEquals(2.0 / 3.0, r.f1().get(0), 1e-12);
    assertEquals(0.5, r.f1().get(1), 1e-12);
  }

  @Test
  void decisionFilesRoundTrip() {
    byte[] bytes = DecisionFiles.write(new double[] {0.25, 0.75}, new boolean[] {false, true});
    DecisionFiles.Decisions d = DecisionFiles.read(bytes, "mem");
    assertEquals(0.75, d.scores()[1]);
    assertEquals(true, d.positives()[1]);
  }
}
