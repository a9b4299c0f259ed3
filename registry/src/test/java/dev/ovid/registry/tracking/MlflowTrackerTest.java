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
      assertEquals(1000, buffer.sentCount(), "a full batch goes out before close");
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
