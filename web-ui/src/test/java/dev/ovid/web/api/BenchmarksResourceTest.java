package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.benchmark.BenchmarkScores;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard, detail and PR-curve endpoints over registry rows as the benchmark workflow
 * writes them (the workflow itself runs in the worker's BenchmarkSuiteIntegrationTest).
 */
@QuarkusTest
class BenchmarksResourceTest {
  @Inject RunRegistry runs;
  @Inject DatasetRegistry datasets;
  @Inject VocabularyService vocabularies;
  @Inject BenchmarkRegistry benchmarks;

  private long modelVersionId;
  private String modelName;
  private long datasetVersionId;
  private long vocabularyId;

  @BeforeEach
  void modelDatasetVocabulary() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Vocabulary v = vocabularies.create("bench-api-" + tag, null, "test");
    vocabularies.addLabel(v.name, "circle", "test");
    vocabularyId = v.id;
    DatasetVersion d =
        datasets.register(
            new NewDatasetVersion(
                "bench-api-" + tag,
                "s3://ovid-artifacts/bench/" + tag + ".jsonl",
                tag.repeat(8),
                2,
                1,
                "test",
                "{}",
                null),
            "test");
    datasetVersionId = d.id;
    TrainingRun run = runs.create(new NewRun("demo", null, v.name, Map.of(), null), "test");
    modelName = "bench-model-" + tag;
    ModelVersion m =
        runs.recordModelVersion(
            run.id,
            new NewModelVersion(
                modelName, "s3://ovid-artifacts/m/" + tag, "b".repeat(64), null, null, null),
            "test");
    modelVersionId = m.id;
  }

  @Test
  void leaderboardShowsAuprAndCalibratedF1WithLinksAndCurves() {
    var suite =
        List.of(
            new BenchmarkSpec("Kinetics-like", datasetVersionId, vocabularyId, "eval", "train"),
            new BenchmarkSpec("TAO-like", datasetVersionId, vocabularyId, "eval", "eval"));
    BenchmarkEvaluation e = benchmarks.create(modelVersionId, suite, "wf-test", "test");
    for (int i = 0; i < 2; i++) {
      benchmarks.record(
          e.id,
          suite.get(i),
          new BenchmarkScores(i, 2, 1, 0.5 + i / 10.0, 0.4, 0.6, 0.3, 0.7, null, null),
          "[[0,1],[0.5,0.8],[1,0.5]]");
    }
    benchmarks.finish(e.id, 0.42, 0.55, List.of(0.55, 0.6), List.of(0.5, 0.61), "s3://r", "test");

    auditor()
        .get("/api/benchmarks/leaderboard")
        .then()
        .statusCode(200)
        .body("benchmarks", hasItems("Kinetics-like", "TAO-like"))
        .body("rows.model", hasItem(modelName + " v1"))
        .body(
            "rows.find { it.model == '" + modelName + " v1' }.cells.'TAO-like'.aupr", equalTo(0.6f))
        .body(
            "rows.find { it.model == '" + modelName + " v1' }.cells.'TAO-like'.f1AtCalibrated",
            equalTo(0.61f))
        .body(
            "rows.find { it.model == '" + modelName + " v1' }.evaluationId",
            equalTo(e.id.intValue()));
    auditor()
        .get("/api/benchmarks/{id}", e.id)
        .then()
        .statusCode(200)
        .body("status", equalTo("SUCCEEDED"))
        .body("calibratedThreshold", equalTo(0.42f))
        .body("results[1].prCurveSvg", equalTo("/api/benchmarks/" + e.id + "/results/1/pr.svg"));
    auditor()
        .get("/api/benchmarks/{id}/results/1/pr.svg", e.id)
        .then()
        .statusCode(200)
        .contentType(containsString("image/svg+xml"))
        .body(startsWith("<svg"))
        .body(containsString("<path d=\"M44,24"));
    auditor().get("/api/benchmarks/{id}/results/9/pr.svg", e.id).then().statusCode(404);
  }

  @Test
  void runValidatesBeforeCreatingAnything() {
    mlops()
        .body(Map.of("benchmarks", List.of(Map.of("datasetVersionId", 1))))
        .post("/api/benchmarks")
        .then()
        .statusCode(400)
        .body("details", hasItems("modelVersionId is required", "benchmarks[0].name is required"));
    mlops()
        .body(
            Map.of(
                "modelVersionId",
                modelVersionId,
                "benchmarks",
                List.of(
                    Map.of(
                        "name",
                        "x",
                        "datasetVersionId",
                        datasetVersionId,
                        "vocabularyId",
                        Long.MAX_VALUE))))
        .post("/api/benchmarks")
        .then()
        .statusCode(404)
        .body("error", containsString("vocabulary"));
    product()
        .body(Map.of("modelVersionId", modelVersionId))
        .post("/api/benchmarks")
        .then()
        .statusCode(403);
  }
}
