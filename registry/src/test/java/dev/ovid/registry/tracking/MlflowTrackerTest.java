package dev.ovid.registry.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.objectstore.TestServices;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real MLflow server and MinIO started by infra/ovid-services (override with
 * OVID_MLFLOW_TRACKING_URI / OVID_S3_ENDPOINT).
 */
class MlflowTrackerTest {
  static ObjectStore store;
  static MlflowTracker tracker;

  @BeforeAll
  static void connect() {
    store = TestServices.objectStore();
    store.withBucket("mlflow").ensureBucket();
    tracker = new MlflowTracker(TestServices.mlflowConfig(), store);
    if (!tracker.health().up()) {
      throw new IllegalStateException(
          "MLflow is not reachable ("
              + tracker.health().detail()
              + "): run infra/ovid-services up");
    }
  }

  @AfterAll
  static void disconnect() throws Exception {
    tracker.close();
    store.close();
  }

  private static RunSpec spec(String ovidRunId) {
    return new RunSpec(
        ovidRunId,
        null,
        "wf-" + ovidRunId,
        "demo@3",
        "sports@7",
        "0123abc",
        Map.of("team", "ovid"));
  }

  @Test
  void startRunIsIdempotentAndTagsTheRun() {
    String ovidRunId = UUID.randomUUID().toString();
    MlflowRun first = tracker.startRun(spec(ovidRunId));
    MlflowRun again = tracker.startRun(spec(ovidRunId));
    assertEquals(first.runId(), again.runId());

    Map<String, String> tags = tracker.readRun(first.runId()).tags();
    assertEquals(ovidRunId, tags.get(MlflowTracker.TAG_RUN_ID));
    assertEquals("wf-" + ovidRunId, tags.get(MlflowTracker.TAG_WORKFLOW_ID));
    assertEquals("demo@3", tags.get(MlflowTracker.TAG_DATASET_VERSION));
    assertEquals("sports@7", tags.get(MlflowTracker.TAG_VOCABULARY_VERSION));
    assertEquals("0123abc", tags.get(MlflowTracker.TAG_GIT_COMMIT));
    assertEquals("ovid", tags.get("team"));
  }

  @Test
  void stageRunsAreNestedUnderTheirPipelineRunOncePerStage() {
    String ovidRunId = UUID.randomUUID().toString();
    MlflowRun parent = tracker.startRun(spec(ovidRunId));
    MlflowRun train = tracker.startStageRun(parent.runId(), ovidRunId, "train");
    MlflowRun trainAgain = tracker.startStageRun(parent.runId(), ovidRunId, "train");
    MlflowRun evaluate = tracker.startStageRun(parent.runId(), ovidRunId, "evaluate");

    assertEquals(train.runId(), trainAgain.runId());
    assertFalse(train.runId().equals(evaluate.runId()));
    assertEquals(
        parent.runId(), tracker.readRun(train.runId()).tags().get(MlflowTracker.TAG_PARENT_RUN));
    assertEquals(
        parent.runId(),
        tracker.findRun(ovidRunId, MlflowTracker.PIPELINE_STAGE).orElseThrow().runId());
  }

  @Test
  void logsParamsAndBufferedMetricsAndReadsThemBack() {
    MlflowRun run = tracker.startRun(spec(UUID.randomUUID().toString()));
    tracker.logParams(run.runId(), Map.of("lr", 0.001, "batch_size", 8, "optimizer", "adam"));
    tracker.logParams(run.runId(), Map.of("lr", 0.001));
    try (MetricBuffer buffer = tracker.metricBuffer(run.runId())) {
      for (int step = 0; step < 1500; step++) {
        buffer.add("loss", 2.0 / (step + 1), step, 1_700_000_000_000L + step);
      }
      assertEquals(500, buffer.pendingCount(), "a full batch goes out before close");
    }
    tracker.setTerminated(run.runId(), RunOutcome.FINISHED);

    RunSnapshot snapshot = tracker.readRun(run.runId());
    assertEquals(Map.of("batch_size", "8", "lr", "0.001", "optimizer", "adam"), snapshot.params());
    assertEquals(2.0 / 1500, snapshot.latestMetrics().get("loss"), 1e-12);
    assertEquals("FINISHED", snapshot.status());
    List<MetricPoint> history = tracker.metricHistory(run.runId(), "loss");
    assertEquals(1500, history.size());
    assertEquals(new MetricPoint("loss", 2.0, 0, 1_700_000_000_000L), history.get(0));
  }

  @Test
  void recordsEveryMetricExactlyOnceThroughTheBackgroundSender() {
    MlflowRun run = tracker.startRun(spec(UUID.randomUUID().toString()));
    int steps = 2600;
    MetricBuffer buffer = tracker.metricBuffer(run.runId());
    for (int step = 1; step <= steps; step++) {
      buffer.add("train_loss", 1.0 / step, step, 1_700_000_000_000L + step);
      buffer.add("samples_per_second", step % 7, step, 1_700_000_000_000L + step);
    }
    buffer.close();
    // MLflow ignores a value identical to one it holds, so its history alone cannot show a batch
    // sent twice: the buffer's count of values handed over successfully does.
    assertEquals(2L * steps, buffer.sentCount());
    assertEquals(0, buffer.pendingCount());
    // 20,000 values in one call: 20 log-batch requests, two at a time.
    List<MetricPoint> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) many.add(new MetricPoint("bulk", i, i, 1_700_000_000_000L));
    tracker.logMetrics(run.runId(), many);

    assertExactlyOnce(run.runId(), "train_loss", steps, 1);
    assertExactlyOnce(run.runId(), "samples_per_second", steps, 1);
    assertExactlyOnce(run.runId(), "bulk", 20_000, 0);
    assertEquals(1.0 / steps, tracker.readRun(run.runId()).latestMetrics().get("train_loss"));
    assertEquals(19_999.0, tracker.metricHistory(run.runId(), "bulk").get(19_999).value());
  }

  @Test
  void logsNonFiniteValuesAndKeysThatNeedEscaping() {
    MlflowRun run = tracker.startRun(spec(UUID.randomUUID().toString()));
    String key = "loss/val \\\"q\"";
    tracker.logMetrics(
        run.runId(),
        List.of(
            new MetricPoint("nan", Double.NaN, 1, 1_700_000_000_000L),
            new MetricPoint("inf", Double.POSITIVE_INFINITY, 1, 1_700_000_000_000L),
            new MetricPoint("tiny", 1.5e-300, 1, 1_700_000_000_000L),
            new MetricPoint("loss/val", -0.25, 2, 1_700_000_000_001L)));
    assertTrue(Double.isNaN(tracker.metricHistory(run.runId(), "nan").get(0).value()));
    // MLflow's SQL store keeps +inf as the largest double.
    assertTrue(tracker.metricHistory(run.runId(), "inf").get(0).value() >= Double.MAX_VALUE);
    assertEquals(1.5e-300, tracker.metricHistory(run.runId(), "tiny").get(0).value());
    assertEquals(
        new MetricPoint("loss/val", -0.25, 2, 1_700_000_000_001L),
        tracker.metricHistory(run.runId(), "loss/val").get(0));
    assertTrue(
        MlflowTracker.logBatchJson("r", List.of(new MetricPoint(key, 1, 1, 1)))
            .contains("\"key\":\"loss/val \\\\\\\"q\\\"\""));
  }

  @Test
  void aBatchThatFailedInTheBackgroundIsSentOnceByTheNextFlush() {
    MlflowRun run = tracker.startRun(spec(UUID.randomUUID().toString()));
    int[] calls = {0};
    long[] stored = {0};
    var sender = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (MetricBuffer buffer =
        MetricBuffer.async(
            run.runId(),
            (id, batch) -> {
              if (++calls[0] == 2) throw new ServiceUnavailableForTest();
              tracker.logMetrics(id, batch);
              stored[0] += batch.size();
            },
            100,
            sender,
            1)) {
      for (int step = 1; step <= 450; step++) buffer.add("loss", step, step, 1_700_000_000_000L);
      buffer.flush();
      assertEquals(0, buffer.pendingCount());
      assertEquals(450, buffer.sentCount());
      assertEquals(450, stored[0], "values handed to MLflow, the failed batch once more");
      assertEquals(6, calls[0], "five batches and the retry of the one that failed");
    } finally {
      sender.shutdown();
    }
    assertExactlyOnce(run.runId(), "loss", 450, 1);
  }

  private static final class ServiceUnavailableForTest extends RuntimeException {}

  private static void assertExactlyOnce(String runId, String key, int count, int firstStep) {
    List<MetricPoint> history = tracker.metricHistory(runId, key);
    assertEquals(count, history.size(), key + ": values stored");
    var steps = new java.util.TreeSet<Long>();
    history.forEach(p -> steps.add(p.step()));
    assertEquals(count, steps.size(), key + ": no step stored twice");
    assertEquals(firstStep, steps.first());
    assertEquals(firstStep + count - 1L, steps.last());
  }

  @Test
  void artifactsGoToTheRunsS3RootAndMlflowListsThem() {
    MlflowRun run = tracker.startRun(spec(UUID.randomUUID().toString()));
    assertTrue(run.artifactUri().startsWith("s3://mlflow/"), run.artifactUri());
    byte[] report = "{\"aupr\":0.5}".getBytes(StandardCharsets.UTF_8);

    StoredObject stored = tracker.logArtifact(run.runId(), "evaluation/report.json", report);

    assertEquals(run.artifactUri() + "/evaluation/report.json", stored.uri());
    assertEquals(Sha256.of(report), stored.sha256());
    assertEquals(List.of("evaluation/report.json"), tracker.listArtifacts(run.runId()));
    S3Location location = S3Location.parse(stored.uri());
    assertEquals(
        Sha256.of(store.withBucket(location.bucket()).getBytes(location.key())), Sha256.of(report));
  }

  @Test
  void registersAModelVersionOncePerRun() {
    MlflowRun run = tracker.startRun(spec(UUID.randomUUID().toString()));
    String model = "ovid-test-" + UUID.randomUUID();
    String first =
        tracker.registerModel(model, run.runId(), run.artifactUri() + "/model").orElseThrow();
    String again =
        tracker.registerModel(model, run.runId(), run.artifactUri() + "/model").orElseThrow();
    assertEquals("1", first);
    assertEquals(first, again);
  }

  @Test
  void healthIsDownForAClosedPort() {
    try (MlflowTracker nowhere =
        new MlflowTracker(new MlflowConfig("http://127.0.0.1:1", "ovid"), store)) {
      assertFalse(nowhere.health().up());
    }
  }
}
