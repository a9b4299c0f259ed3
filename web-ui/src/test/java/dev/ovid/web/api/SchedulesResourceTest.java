package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.testing.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Schedules on the Temporal dev server (the embedded Java test server has no Schedules): create,
 * edit, pause, resume, trigger (a run starts, tagged with its schedule, and succeeds), delete.
 */
@QuarkusTest
class SchedulesResourceTest {
  @Inject DemoSeeder seeder;
  @Inject RunRegistry runs;
  @Inject AuditLog audit;

  @Test
  void aTriggeredScheduleStartsARunAndListsItWithItsOutcome() {
    String vocabulary = seeder.ensureDemoVocabulary().name;
    String name = "nightly-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("cron", "0 3 * * *");
    body.put("timezone", "Europe/Paris");
    body.put("datasetName", "demo");
    body.put("vocabularyName", vocabulary);
    body.put(
        "hyperparameters",
        Map.of(
            "epochs",
            1,
            "batchSize",
            8,
            "learningRate",
            0.001,
            "temperature",
            0.07,
            "negativeWeight",
            1.0,
            "swrLambda",
            0.5,
            "temporalLayers",
            2,
            "checkpointEverySteps",
            5,
            "seed",
            3));
    body.put("overlap", "BUFFER_ONE");
    body.put("catchupWindow", "PT10M");

    product().body(body).post("/api/schedules").then().statusCode(403);
    mlops().body(Map.of("name", "x")).post("/api/schedules").then().statusCode(400);
    try {
      mlops()
          .body(body)
          .post("/api/schedules")
          .then()
          .statusCode(201)
          .body("scheduleId", equalTo("ovid-schedule-" + name))
          .body("overlap", equalTo("BUFFER_ONE"))
          .body("timezone", equalTo("Europe/Paris"))
          .body("paused", equalTo(false));
      mlops().body(body).post("/api/schedules").then().statusCode(409);

      body.put("cron", null);
      body.put("interval", "PT12H");
      body.put("overlap", "SKIP");
      mlops()
          .body(body)
          .put("/api/schedules/" + name)
          .then()
          .statusCode(200)
          .body("intervals", hasItem("PT12H"))
          .body("overlap", equalTo("SKIP"));
      mlops()
          .post("/api/schedules/" + name + "/pause")
          .then()
          .statusCode(200)
          .body("paused", equalTo(true));
      mlops()
          .post("/api/schedules/" + name + "/resume")
          .then()
          .statusCode(200)
          .body("paused", equalTo(false));
      mlops().get("/api/schedules").then().statusCode(200).body("name", hasItem(name));

      TestWorker.ensureRunning();
      mlops().post("/api/schedules/" + name + "/trigger").then().statusCode(200);
      long runId = awaitScheduledRun(name);
      TrainingRun run = awaitEnd(runId, Duration.ofMinutes(6));
      assertEquals(RunStatus.SUCCEEDED, run.status, run.message);
      assertEquals("ovid-schedule-" + name, run.scheduleId);
      mlops()
          .get("/api/schedules/" + name)
          .then()
          .statusCode(200)
          .body("runs[0].id", equalTo((int) runId))
          .body("runs[0].status", equalTo("SUCCEEDED"));
    } finally {
      mlops().delete("/api/schedules/" + name);
    }
    mlops().get("/api/schedules/" + name).then().statusCode(404);
    List<String> actions =
        audit.history("schedule", "ovid-schedule-" + name).stream().map(e -> e.action).toList();
    assertTrue(
        actions.containsAll(
            List.of(
                "schedule.created",
                "schedule.updated",
                "schedule.paused",
                "schedule.resumed",
                "schedule.triggered",
                "schedule.deleted")),
        actions.toString());
  }

  private long awaitScheduledRun(String name) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      JsonPath view = mlops().get("/api/schedules/" + name).then().extract().jsonPath();
      List<Integer> ids = view.getList("runs.id");
      if (ids != null && !ids.isEmpty()) return ids.get(0);
      sleep(500);
    }
    throw new AssertionError("the triggered schedule started no run");
  }

  private TrainingRun awaitEnd(long runId, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    TrainingRun run = runs.get(runId);
    while (!run.status.isFinal()) {
      assertTrue(System.nanoTime() < deadline, "run " + runId + " still " + run.status);
      sleep(300);
      run = runs.get(runId);
    }
    return run;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
