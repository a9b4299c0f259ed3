package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.NewDatasetSource;
import dev.ovid.registry.dataset.UnreadableVideoHandling;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TestWorker;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failures explain themselves (bad input fails at once with its message; a transient failure is
 * retried and the API shows the attempt and last failure), and runs can be cancelled and retried
 * from their checkpoint, against a real worker process.
 */
@QuarkusTest
class RunFailuresAndCancelTest {
  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject DatasetSourceService sources;
  @Inject TemporalConnection temporal;
  @Inject MlflowTracker mlflow;
  @Inject AuditLog audit;

  @Test
  void aSourceThatIsNotAManifestFailsAtOnceWithItsMessage() throws Exception {
    long vocabulary = seeder.ensureDemoVocabulary().id;
    Path notAManifest = Files.createTempFile("ovid-not-a-manifest-", ".png");
    Files.write(notAManifest, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
    String name = "not-a-manifest-" + UUID.randomUUID().toString().substring(0, 8);
    sources.register(
        new NewDatasetSource(
            name,
            DatasetSourceKind.MANIFEST,
            notAManifest.toString(),
            null,
            UnreadableVideoHandling.FAIL,
            "a PNG file, not a manifest"),
        "failure-test");
    TestWorker.ensureRunning();

    TrainingRun run =
        launcher.launch(
            new LaunchRequest(name, vocabulary, Hyperparameters.defaults(), null), "failure-test");
    TrainingRun ended = await(run.id, r -> r.status.isFinal(), Duration.ofMinutes(2));

    assertEquals(RunStatus.FAILED, ended.status);
    assertTrue(ended.message.contains(notAManifest.toString()), ended.message);
    var history = temporal.client().fetchHistory(ended.workflowId);
    assertEquals(1, attempts(history, "Curate"), "bad input is not retried");
    mlops()
        .get("/api/runs/" + run.id)
        .then()
        .statusCode(200)
        .body("run.status", equalTo("FAILED"))
        .body("run.message", containsString(notAManifest.toString()));
  }

  @Test
  void aTransientFailureIsRetriedAndTheApiShowsAttemptAndLastFailure() throws Exception {
    long vocabulary = seeder.ensureDemoVocabulary().id;
    // A worker of its own whose MLflow answers 503 to every API call (its health says OK):
    // starting the run fails transiently and is retried.
    HttpServer mlflowDown = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    mlflowDown.createContext(
        "/",
        exchange -> {
          boolean health = exchange.getRequestURI().getPath().equals("/health");
          byte[] reply =
              (health ? "OK" : "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\"}").getBytes();
          exchange.sendResponseHeaders(health ? 200 : 503, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    mlflowDown.start();
    String base = temporal.settings().queues().workflows() + "-flaky";
    TestWorker flaky =
        TestWorker.ensureRunning(
            Map.of(
                "ovid.temporal.task-queue",
                base,
                "ovid.mlflow.tracking-uri",
                "http://127.0.0.1:" + mlflowDown.getAddress().getPort()));
    try {
      TrainingRun run =
          runs.create(
              new NewRun(
                  "demo",
                  null,
                  seeder.ensureDemoVocabulary().name,
                  Hyperparameters.defaults().asMap(),
                  null),
              "failure-test");
      String workflowId = "ovid-run-" + run.id;
      TrainingPipelineWorkflow workflow =
          temporal
              .client()
              .newWorkflowStub(
                  TrainingPipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue(TaskQueues.ofWorkflowQueue(base).workflows())
                      .build());
      WorkflowClient.start(
          workflow::run,
          new PipelineRequest(run.id, "demo", vocabulary, Hyperparameters.defaults(), null));
      runs.attachWorkflow(run.id, workflowId, "failure-test");

      JsonPath detail = null;
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while (System.nanoTime() < deadline) {
        detail = mlops().get("/api/runs/" + run.id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> pending = detail.getList("activities");
        if (pending != null
            && !pending.isEmpty()
            && ((Number) pending.get(0).get("attempt")).intValue() >= 2) break;
        sleep(500);
      }
      assertEquals("StartRun", detail.getString("activities[0].activity"), detail.prettify());
      assertTrue(detail.getInt("activities[0].attempt") >= 2, detail.prettify());
      assertTrue(detail.getInt("activities[0].maximumAttempts") > 1, detail.prettify());
      assertTrue(
          detail.getString("activities[0].lastFailure").contains("HTTP 503"), detail.prettify());

      product().post("/api/runs/" + run.id + "/cancel").then().statusCode(403);
      mlops().post("/api/runs/" + run.id + "/cancel").then().statusCode(202);
      TrainingRun ended = await(run.id, r -> r.status.isFinal(), Duration.ofMinutes(1));
      assertEquals(RunStatus.CANCELLED, ended.status, ended.message);
    } finally {
      flaky.kill();
      mlflowDown.stop(0);
    }
  }

  @Test
  void cancelKeepsTheCheckpointAndRetryResumesFromIt() {
    long vocabulary = seeder.ensureDemoVocabulary().id;
    TestWorker.ensureRunning();
    var hp = new Hyperparameters(40, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 77L);
    long runId =
        mlops()
            .contentType("application/json")
            .body(
                Map.of(
                    "datasetName",
                    "demo",
                    "vocabularyId",
                    vocabulary,
                    "hyperparameters",
                    hp.asMap()))
            .post("/api/runs")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    await(runId, r -> r.lastStep != null && r.lastStep >= 7, Duration.ofMinutes(5));

    mlops().post("/api/runs/" + runId + "/cancel").then().statusCode(202);
    TrainingRun cancelled = await(runId, r -> r.status.isFinal(), Duration.ofMinutes(2));
    assertEquals(RunStatus.CANCELLED, cancelled.status, cancelled.message);
    assertTrue(cancelled.lastStep < 40 * 9, "training stopped before its end");
    // One activity marks the run CANCELLED in the database and then its MLflow run KILLED, so
    // MLflow may lag the database by a call.
    assertEquals(
        "KILLED", awaitMlflowStatus(cancelled.mlflowRunId, "KILLED", Duration.ofSeconds(30)));
    assertTrue(
        audit.history("run", runId).stream()
            .anyMatch(e -> e.action.equals("run.cancel-requested") && e.actor.equals("mlops")),
        "the cancellation is audited with its user");
    long kept = runs.latestCheckpoint(runId).orElseThrow().step();
    assertTrue(kept >= 7, "checkpoint kept at step " + kept);
    mlops().post("/api/runs/" + runId + "/cancel").then().statusCode(409);

    JsonPath retry =
        mlops().post("/api/runs/" + runId + "/retry").then().statusCode(201).extract().jsonPath();
    long retryId = retry.getLong("id");
    assertEquals(runId, retry.getLong("resumeFromRunId"));
    // Cancel the retry too once it has trained a little past the checkpoint it resumed from.
    await(retryId, r -> r.lastStep != null && r.lastStep > kept, Duration.ofMinutes(5));
    mlops().post("/api/runs/" + retryId + "/cancel").then().statusCode(202);
    TrainingRun second = await(retryId, r -> r.status.isFinal(), Duration.ofMinutes(2));
    assertEquals(RunStatus.CANCELLED, second.status);
    long firstLogged =
        mlflow.metricHistory(second.mlflowRunId, "train_loss").stream()
            .mapToLong(p -> p.step())
            .min()
            .orElseThrow();
    assertEquals(kept + 1, firstLogged, "the retry trained on from the kept checkpoint");
  }

  /** The MLflow run's status once it is {@code wanted}, or whatever it is at the deadline. */
  private String awaitMlflowStatus(String mlflowRunId, String wanted, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    String status = mlflow.readRun(mlflowRunId).status();
    while (!status.equals(wanted) && System.nanoTime() < deadline) {
      sleep(200);
      status = mlflow.readRun(mlflowRunId).status();
    }
    return status;
  }

  private TrainingRun await(
      long runId, java.util.function.Predicate<TrainingRun> condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    TrainingRun run = runs.get(runId);
    while (!condition.test(run)) {
      assertTrue(
          System.nanoTime() < deadline,
          "run " + runId + " now " + run.status + " " + run.stage + ": " + run.message);
      if (run.status.isFinal()) fail("run " + runId + " ended " + run.status + ": " + run.message);
      sleep(200);
      run = runs.get(runId);
    }
    return run;
  }

  private static int attempts(io.temporal.common.WorkflowExecutionHistory history, String type) {
    int attempt = 0;
    for (var event : history.getEvents()) {
      if (!event.hasActivityTaskStartedEventAttributes()) continue;
      long scheduled = event.getActivityTaskStartedEventAttributes().getScheduledEventId();
      var scheduledEvent =
          history.getEvents().stream().filter(e -> e.getEventId() == scheduled).findFirst();
      if (scheduledEvent.isPresent()
          && scheduledEvent
              .get()
              .getActivityTaskScheduledEventAttributes()
              .getActivityType()
              .getName()
              .equals(type)) {
        attempt = Math.max(attempt, event.getActivityTaskStartedEventAttributes().getAttempt());
      }
    }
    return attempt;
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
