package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.run.TrainingRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every API failure is a JSON body with a short human message, whatever the input. */
@QuarkusTest
class ApiErrorsTest {
  private static final String FIVE_MB = "x".repeat(5 * 1024 * 1024);

  private long vocabularyWithLabels() {
    long id =
        product()
            .body(Map.of("name", "errors-" + UUID.randomUUID().toString().substring(0, 8)))
            .post("/api/vocabularies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    product()
        .body(Map.of("names", DemoDataset.labels()))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    return id;
  }

  private static void noJavaTypeNames(Response response) {
    String body = response.asString();
    for (String leak : List.of("java.", "dev.ovid", "com.fasterxml", "Exception", "`")) {
      assertTrue(!body.contains(leak), "error body leaks '" + leak + "': " + body);
    }
  }

  @Test
  void malformedJsonGetsAJson400() {
    Response r = mlops().body("{\"datasetName\": \"demo\", ").post("/api/runs");
    r.then()
        .statusCode(400)
        .contentType("application/json")
        .body("error", equalTo("request body is not valid JSON"))
        .body("details[0]", containsString("malformed JSON"));
    noJavaTypeNames(r);
  }

  @Test
  void wrongKindsOfValueNameTheFieldAndTheKindNotAJavaType() {
    Response r =
        mlops()
            .body("{\"datasetName\": \"demo\", \"vocabularyId\": \"not a number\"}")
            .post("/api/runs");
    r.then()
        .statusCode(400)
        .body("details[0]", containsString("field 'vocabularyId' must be a whole number"));
    noJavaTypeNames(r);
  }

  @Test
  void fractionalEpochsAreRejectedNotTruncated() {
    long vocabulary = vocabularyWithLabels();
    long before = runsOf(vocabulary);
    Response r =
        mlops()
            .body(
                Map.of(
                    "datasetName",
                    "demo",
                    "vocabularyId",
                    vocabulary,
                    "hyperparameters",
                    Map.of("epochs", 1.5)))
            .post("/api/runs");
    r.then()
        .statusCode(400)
        .body("details[0]", containsString("hyperparameters.epochs' must be a whole number"));
    noJavaTypeNames(r);
    mlops()
        .body(
            Map.of(
                "datasetName",
                "demo",
                "vocabularyId",
                vocabulary,
                "hyperparameters",
                Map.of("learningRate", "0.1")))
        .post("/api/runs")
        .then()
        .statusCode(400)
        .body("details[0]", containsString("must be a number"));
    assertEquals(before, runsOf(vocabulary));
  }

  @Test
  void unknownApiPathsGetAJson404NotTheUi() {
    auditor()
        .get("/api/no-such-thing/42")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("error", containsString("no such API path"));
    mlops().body("{}").post("/api/nope").then().statusCode(404).contentType("application/json");
    given().get("/api/no-such-thing").then().statusCode(401);
  }

  @Test
  void forbiddenAndBadPathParametersAreJsonToo() {
    auditor()
        .body(Map.of("name", "x"))
        .post("/api/vocabularies")
        .then()
        .statusCode(403)
        .contentType("application/json")
        .body("error", notNullValue());
    auditor().get("/api/runs/not-a-number").then().statusCode(404).contentType("application/json");
  }

  @Test
  void hugeNamesAndDescriptionsAreRejectedAndNotEchoed() {
    Response name = product().body(Map.of("name", FIVE_MB)).post("/api/vocabularies");
    name.then()
        .statusCode(400)
        .body("error", containsString("longer than 200"))
        .body(
            not(
                containsString(
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")));
    assertTrue(name.asString().length() < 2000, "body too long: " + name.asString().length());
    product()
        .body(Map.of("name", "desc-" + UUID.randomUUID(), "description", FIVE_MB))
        .post("/api/vocabularies")
        .then()
        .statusCode(400)
        .body("error", containsString("description is longer than 4000"));
    Response dataset =
        mlops().body(Map.of("datasetName", FIVE_MB, "vocabularyId", 1)).post("/api/runs");
    dataset.then().statusCode(400);
    assertTrue(dataset.asString().length() < 2000, "body too long: " + dataset.asString().length());
    Response source =
        mlops()
            .body(Map.of("name", FIVE_MB, "kind", FIVE_MB, "location", "s3://x/y"))
            .post("/api/datasets");
    source.then().statusCode(400);
    assertTrue(source.asString().length() < 4000, "body too long: " + source.asString().length());
  }

  @Test
  void concurrentLaunchesAllSucceedWithTheirWorkflowAttached() throws Exception {
    long vocabulary = vocabularyWithLabels();
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<Response>> launches = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        launches.add(
            () ->
                mlops()
                    .body(
                        Map.of(
                            "datasetName",
                            "demo",
                            "vocabularyId",
                            vocabulary,
                            "hyperparameters",
                            Map.of("epochs", 1)))
                    .post("/api/runs"));
      }
      for (Future<Response> f : pool.invokeAll(launches)) {
        Response r = f.get();
        assertEquals(201, r.statusCode(), r.asString());
      }
    } finally {
      pool.shutdownNow();
    }
    List<TrainingRun> created =
        QuarkusTransaction.requiringNew()
            .call(() -> TrainingRun.<TrainingRun>list("vocabulary.id", vocabulary));
    assertEquals(n, created.size());
    for (TrainingRun run : created) {
      assertNotNull(run.workflowId, "run " + run.id + " has no workflow");
      assertTrue(run.workflowId.endsWith("-run-" + run.id), run.workflowId);
    }
  }

  private static long runsOf(long vocabulary) {
    return QuarkusTransaction.requiringNew()
        .call(() -> TrainingRun.count("vocabulary.id", vocabulary));
  }
}
