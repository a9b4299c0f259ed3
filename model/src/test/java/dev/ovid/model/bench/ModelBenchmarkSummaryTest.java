package dev.ovid.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelBenchmarkSummaryTest {
  @Test
  void jsonLineHasExactlyTheIssuesKeysRatiosAsOvidOverPytorch() throws Exception {
    ModelBenchmark.Options o =
        new ModelBenchmark.Options(
            "base", 2, "bf16", "cpu", Path.of("python"), Path.of("."), 2, 5, false, true);
    ModelBenchmark.Result r =
        new ModelBenchmark.Result(
            o,
            "DJL",
            "2.7.1+cu126",
            Timings.of(List.of(3000.0, 3100.0, 2900.0)),
            Timings.of(List.of(7400.0, 7600.0, 7500.0)),
            Timings.of(List.of(1000.0)),
            Timings.of(List.of(4000.0)),
            List.of(),
            List.of(),
            Map.of());
    String line = r.summary();
    assertEquals(
        "{\"size\": \"base\", \"threads\": 2, \"precision\": \"bf16\", \"train_ms\": {\"ovid\":"
            + " 3000.0, \"pytorch\": 7500.0}, \"infer_ms\": {\"ovid\": 1000.0, \"pytorch\":"
            + " 4000.0}, \"train_ratio\": 0.4, \"infer_ratio\": 0.25, \"torch_version\":"
            + " \"2.7.1+cu126\"}",
        line);
    JsonNode n = new ObjectMapper().readTree(line);
    assertEquals(8, n.size());
  }

  @Test
  void inferenceOnlyRunsReportNullTrainingFigures() throws Exception {
    ModelBenchmark.Options o =
        new ModelBenchmark.Options(
            "base", 2, "fp32", "cpu", Path.of("python"), Path.of("."), 1, 5, false, false);
    ModelBenchmark.Result r =
        new ModelBenchmark.Result(
            o,
            "DJL",
            "2.7.1",
            null,
            null,
            Timings.of(List.of(1000.0)),
            Timings.of(List.of(2000.0)),
            List.of(),
            List.of(),
            Map.of());
    JsonNode n = new ObjectMapper().readTree(r.summary());
    assertEquals(true, n.get("train_ms").get("ovid").isNull());
    assertEquals(true, n.get("train_ratio").isNull());
    assertEquals(0.5, n.get("infer_ratio").asDouble());
  }

  @Test
  void timingsGiveMedianAndQuartiles() {
    Timings t = Timings.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
    assertEquals(3.0, t.median());
    assertEquals(2.0, t.q1());
    assertEquals(4.0, t.q3());
    assertEquals(1.0, t.min());
    assertEquals(5.0, t.max());
  }
}
