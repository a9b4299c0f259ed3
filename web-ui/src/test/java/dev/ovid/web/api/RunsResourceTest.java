package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.runs.RunLauncher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunsResourceTest {
  @Inject RunLauncher launcher;

  private long vocabularyId;
  private String vocabularyName;
  private String dataset;

  @BeforeEach
  void vocabularyAndDataset() {
    vocabularyName = "runs-api-" + UUID.randomUUID().toString().substring(0, 8);
    vocabularyId =
        product()
            .body(Map.of("name", vocabularyName))
            .post("/api/vocabularies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    product()
        .body(Map.of("names", DemoDataset.labels()))
        .post("/api/vocabularies/{id}/labels", vocabularyId)
        .then()
        .statusCode(201);
    List<String> datasets = launcher.datasetNames();
    assertFalse(datasets.isEmpty(), "the launcher offers no dataset");
    dataset = datasets.get(0);
  }

  /** POST /api/runs as mlops: this test's dataset and vocabulary with {@code hyperparameters}. */
  private ValidatableResponse launch(Map<String, ?> hyperparameters) {
    return mlops()
        .body(
            Map.of(
                "datasetName",
                dataset,
                "vocabularyId",
                vocabularyId,
                "hyperparameters",
                hyperparameters))
        .post("/api/runs")
        .then();
  }

  private long runsOfVocabulary() {
    return QuarkusTransaction.requiringNew()
        .call(() -> TrainingRun.count("vocabulary.id", vocabularyId));
  }

  private static long runCreatedEvents() {
    return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action", "run.created"));
  }

  @Test
  void invalidHyperparametersGet400WithOneDetailEachAndCreateNothing() {
    long auditBefore = runCreatedEvents();
    launch(Map.of("epochs", 0, "learningRate", 5.0, "swrLambda", -1))
        .statusCode(400)
        .contentType("application/json")
        .body("error", equalTo("invalid launch request"))
        .body("details", hasSize(3))
        .body(
            "details",
            hasItems(
                startsWith("epochs must be between 1 and 1000"),
                startsWith("learningRate must be in (0, 1]"),
                startsWith("swrLambda must be in [0, 1]")));
    assertEquals(0, runsOfVocabulary());
    assertEquals(auditBefore, runCreatedEvents());
  }

  @Test
  void missingFieldsGet400() {
    mlops()
        .body(Map.of())
        .post("/api/runs")
        .then()
        .statusCode(400)
        .body("details", hasItems("datasetName is required", "vocabularyId is required"));
  }

  @Test
  void unknownVocabularyGets404JsonAndCreatesNothing() {
    long auditBefore = runCreatedEvents();
    mlops()
        .body(Map.of("datasetName", dataset, "vocabularyId", Long.MAX_VALUE))
        .post("/api/runs")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("error", containsString("vocabulary"));
    assertEquals(auditBefore, runCreatedEvents());
  }

  @Test
  void unknownDatasetGets404JsonAndCreatesNothing() {
    String missing = "no-such-dataset-" + UUID.randomUUID();
    mlops()
        .body(Map.of("datasetName", missing, "vocabularyId", vocabularyId))
        .post("/api/runs")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("error", containsString(missing));
    assertEquals(0, runsOfVocabulary());
  }

  @Test
  void malformedJsonGets400Json() {
    mlops()
        .body("{\"datasetName\": \"demo\", \"vocabularyId\": \"not a number\"}")
        .post("/api/runs")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("error", equalTo("request body is not valid JSON"))
        .body("details[0]", containsString("vocabularyId"));
  }

  @Test
  void onlyMlOpsLaunches() {
    Map<String, Object> body = Map.of("datasetName", dataset, "vocabularyId", vocabularyId);
    product().body(body).post("/api/runs").then().statusCode(403);
    auditor().body(body).post("/api/runs").then().statusCode(403);
    given().contentType("application/json").body(body).post("/api/runs").then().statusCode(401);
    assertEquals(0, runsOfVocabulary());
  }

  @Test
  void launchCreatesARunReadableWithItsLineage() {
    long id =
        launch(Map.of("epochs", 1))
            .statusCode(201)
            .header("Location", containsString("/api/runs/"))
            .body("vocabularyName", equalTo(vocabularyName))
            .body("launchedBy", equalTo("mlops"))
            .body("links.self", startsWith("/api/runs/"))
            .extract()
            .jsonPath()
            .getLong("id");
    assertEquals(1, runsOfVocabulary());

    auditor()
        .get("/api/runs/{id}", id)
        .then()
        .statusCode(200)
        .body("run.id", equalTo((int) id))
        .body("run.status", in(List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED")))
        .body("lineage.vocabulary.name", equalTo(vocabularyName))
        .body("lineage.dataset.name", equalTo(dataset))
        .body("lineage.run.hyperparameters.epochs", equalTo(1));
    auditor().get("/api/runs/{id}/loss", id).then().statusCode(200);
    auditor().get("/api/runs").then().statusCode(200).body("id", hasItem((int) id));
  }

  @Test
  void unknownRunIs404Json() {
    auditor()
        .get("/api/runs/{id}", Long.MAX_VALUE)
        .then()
        .statusCode(404)
        .body("error", containsString("does not exist"));
    auditor().get("/api/runs/{id}/loss", Long.MAX_VALUE).then().statusCode(404);
  }

  @Test
  void defaultRunRecordsThePapersModelInItsLineage() {
    long id = launch(Map.of("epochs", 1)).statusCode(201).extract().jsonPath().getLong("id");
    auditor()
        .get("/api/runs/{id}", id)
        .then()
        .statusCode(200)
        .body("lineage.run.hyperparameters.model.backbone", equalTo("shapes-pretrained"))
        .body("lineage.run.hyperparameters.model.labelEncoder", equalTo("learnable-llm-prompts"))
        .body("lineage.run.hyperparameters.model.swr", equalTo(true));
  }

  @Test
  void presetAndModelOverridesAreValidatedAndRecorded() {
    auditor()
        .get("/api/runs/presets")
        .then()
        .statusCode(200)
        .body("name", hasItems("paper", "frame-mean", "learnable-no-swr"))
        .body("find { it.name == 'paper' }.temporalLayers", equalTo(4));
    launch(
            Map.of(
                "preset",
                "frame-mean",
                "precision",
                "fp8",
                "model",
                Map.of("labelEncoder", "clip-magic", "prefixes", 0, "backbone", "clip:/x")))
        .statusCode(400)
        .body(
            "details",
            hasItems(
                startsWith("model.labelEncoder must be one of"),
                startsWith("model.prefixes must be between 1 and 64"),
                startsWith("precision must be auto, fp32, bf16 or fp16")));
    launch(Map.of("preset", "no-such-preset"))
        .statusCode(400)
        .body("details[0]", containsString("unknown preset"));
    assertEquals(0, runsOfVocabulary());
    long id =
        launch(
                Map.of(
                    "epochs",
                    1,
                    "preset",
                    "frame-mean",
                    "precision",
                    "fp16",
                    "model",
                    Map.of("labelEncoder", "templates", "weightDecay", 0.1)))
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    auditor()
        .get("/api/runs/{id}", id)
        .then()
        .body("lineage.run.hyperparameters.temporalLayers", equalTo(0))
        .body("lineage.run.hyperparameters.model.labelEncoder", equalTo("templates"))
        .body("lineage.run.hyperparameters.model.weightDecay", equalTo(0.1f))
        .body("lineage.run.hyperparameters.precision", equalTo("fp16"));
  }

  @Test
  void softPromptSizeAndAnswerAnchorAreValidatedAndRecordedInTheLineage() {
    launch(Map.of("model", Map.of("softPromptScale", 0.0, "answerAnchorWeight", -1.0)))
        .statusCode(400)
        .body(
            "details",
            hasItems(startsWith("model.softPromptScale"), startsWith("model.answerAnchorWeight")));
    long id =
        launch(Map.of("epochs", 1, "preset", "learnable-anchored"))
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    auditor()
        .get("/api/runs/{id}", id)
        .then()
        .statusCode(200)
        .body("lineage.run.hyperparameters.model.softPromptScale", equalTo(1.0f))
        .body("lineage.run.hyperparameters.model.answerAnchorWeight", equalTo(32.0f));
  }

  @Test
  void learnedTemperatureIsValidatedAndRecordedInTheLineage() {
    launch(Map.of("temperature", 5.0, "model", Map.of("learnTemperature", true)))
        .statusCode(400)
        .body(
            "details", hasItems(startsWith("temperature must be in [0.01, 1] when it is learned")));
    long id =
        launch(Map.of("epochs", 1, "temperature", 0.1, "model", Map.of("learnTemperature", true)))
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    auditor()
        .get("/api/runs/{id}", id)
        .then()
        .statusCode(200)
        .body("lineage.run.hyperparameters.temperature", equalTo(0.1f))
        .body("lineage.run.hyperparameters.model.learnTemperature", equalTo(true));
  }
}
