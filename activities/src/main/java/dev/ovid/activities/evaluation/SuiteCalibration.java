package dev.ovid.activities.evaluation;

import dev.ovid.model.metrics.PrecisionRecallCurve;
import dev.ovid.model.metrics.ThresholdCalibration;
import dev.ovid.model.metrics.ThresholdCalibration.CalibratedThreshold;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's single threshold for a benchmark suite: the one that maximises the minimum F1 over
 * the benchmarks' calibration splits, then each benchmark's evaluation-split F1 at it.
 */
final class SuiteCalibration {
  private SuiteCalibration() {}

  record Result(double threshold, double minF1, List<Double> calibrationF1, List<Double> f1) {}

  static Result calibrate(
      List<PrecisionRecallCurve> calibration, List<PrecisionRecallCurve> evaluation) {
    if (calibration.size() != evaluation.size()) {
      throw new IllegalArgumentException("one calibration and one evaluation curve per benchmark");
    }
    CalibratedThreshold t = ThresholdCalibration.maxMinF1(calibration);
    List<Double> calibrationF1 = new ArrayList<>();
    for (double f : t.f1PerSet()) {
      calibrationF1.add(f);
    }
    List<Double> f1 = new ArrayList<>();
    for (PrecisionRecallCurve c : evaluation) {
      f1.add(Double.isFinite(t.threshold()) ? c.f1AtThreshold(t.threshold()) : 0.0);
    }
    return new Result(t.threshold(), t.minF1(), calibrationF1, f1);
  }
}
