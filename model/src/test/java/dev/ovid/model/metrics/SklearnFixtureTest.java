package dev.ovid.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.model.metrics.io.DecisionCsvReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Matches scikit-learn and YouTube-8M reference numbers written by
 * model/scripts/make_metric_fixtures.py (fixtures with heavy ties) to 1e-9.
 */
class SklearnFixtureTest {

  static final double TOLERANCE = 1e-9;
  static final Path DIR = Fixtures.metricsDir();

  static JsonNode expected(String dataset) throws Exception {
    return new ObjectMapper()
        .readTree(DIR.resolve("expected.json").toFile())
        .path("datasets")
        .path(dataset);
  }

  static MultiLabelDecisions load(String dataset) throws Exception {
    return DecisionCsvReader.read(
        DIR.resolve(dataset + "_scores.csv"), DIR.resolve(dataset + "_labels.csv"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ties", "coarse", "distinct"})
  void headlineMetricsMatchSklearnAndYoutube8m(String dataset) throws Exception {
    JsonNode e = expected(dataset);
    Evaluation eval = MultiLabelMetrics.evaluate(load(dataset));
    assertEquals(e.path("decisions").asLong(), eval.decisions());
    assertEquals(e.path("positives").asLong(), eval.positives());
    assertEquals(e.path("aupr").asDouble(), eval.aupr(), TOLERANCE, "aupr");
    assertEquals(e.path("map").asDouble(), eval.map(), TOLERANCE, "map");
    assertEquals(e.path("peak_f1").asDouble(), eval.peakF1(), TOLERANCE, "peak f1");
    assertEquals(
        e.path("peak_f1_threshold").asDouble(), eval.peakF1Threshold(), TOLERANCE, "peak thr");
    assertEquals(e.path("gap20").asDouble(), eval.gap20(), TOLERANCE, "gap20");
    System.out.printf(
        "%s: |Δaupr|=%.2e |Δmap|=%.2e |Δpeak_f1|=%.2e |Δgap20|=%.2e%n",
        dataset,
        Math.abs(e.path("aupr").asDouble() - eval.aupr()),
        Math.abs(e.path("map").asDouble() - eval.map()),
        Math.abs(e.path("peak_f1").asDouble() - eval.peakF1()),
        Math.abs(e.path("gap20").asDouble() - eval.gap20()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ties", "coarse", "distinct"})
  void perClassApSkipsLabelsWithoutPositives(String dataset) throws Exception {
    JsonNode e = expected(dataset).path("per_class_ap");
    MultiLabelDecisions d = load(dataset);
    Map<String, Double> perClass = MultiLabelMetrics.perClassAveragePrecision(d);
    assertEquals(e.size(), perClass.size());
    e.properties()
        .forEach(
            f ->
                assertEquals(
                    f.getValue().asDouble(), perClass.get(f.getKey()), TOLERANCE, f.getKey()));
    assertTrue(perClass.size() <= d.labelNames().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ties", "coarse", "distinct"})
  void f1AtThresholdsMatchesSklearnF1Score(String dataset) throws Exception {
    PrecisionRecallCurve curve = MultiLabelMetrics.pooledCurve(load(dataset));
    for (JsonNode point : expected(dataset).path("f1_at")) {
      double t = point.path("threshold").asDouble();
      assertEquals(point.path("f1").asDouble(), curve.f1AtThreshold(t), TOLERANCE, "t=" + t);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ties", "coarse", "distinct"})
  void curvePointsEqualSklearnPrecisionRecallCurve(String dataset) throws Exception {
    JsonNode pr = expected(dataset).path("pr_curve");
    PrecisionRecallCurve curve = MultiLabelMetrics.pooledCurve(load(dataset));
    JsonNode thresholds = pr.path("thresholds");
    assertEquals(thresholds.size(), curve.size());
    // scikit-learn lists thresholds ascending; the curve holds them descending.
    for (int k = 0; k < thresholds.size(); k++) {
      int i = curve.size() - 1 - k;
      assertEquals(thresholds.get(k).asDouble(), curve.threshold(i), 0.0);
      assertEquals(pr.path("precision").get(k).asDouble(), curve.precision(i), TOLERANCE);
      assertEquals(pr.path("recall").get(k).asDouble(), curve.recall(i), TOLERANCE);
    }
  }

  @Test
  void calibratedThresholdMaximisesMinimumF1AcrossSets() throws Exception {
    JsonNode root = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    JsonNode e = root.path("calibration");
    List<PrecisionRecallCurve> curves = new ArrayList<>();
    for (JsonNode name : e.path("sets")) {
      curves.add(MultiLabelMetrics.pooledCurve(load(name.asText())));
    }
    ThresholdCalibration.CalibratedThreshold c = ThresholdCalibration.maxMinF1(curves);
    assertEquals(e.path("threshold").asDouble(), c.threshold(), 0.0);
    assertEquals(e.path("min_f1").asDouble(), c.minF1(), TOLERANCE);
    for (int s = 0; s < curves.size(); s++) {
      assertEquals(e.path("f1_per_set").get(s).asDouble(), c.f1PerSet()[s], TOLERANCE);
    }
  }

  @Test
  void gapWithoutTiesEqualsYoutube8mOwnAlgorithm() throws Exception {
    JsonNode e = expected("distinct");
    assertEquals(
        e.path("gap20_youtube8m_literal").asDouble(),
        MultiLabelMetrics.globalAveragePrecision(load("distinct"), 20),
        TOLERANCE);
  }
}
