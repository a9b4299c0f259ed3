package dev.ovid.web.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.lineage.LineageService;
import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.tracking.RunSnapshot;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.temporal.PipelineWorker;
import dev.ovid.web.temporal.TemporalConnection;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.training.TrainedModelRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline against the real services started by infra/ovid-services: Temporal dev server,
 * PostgreSQL, MinIO and MLflow. Reads back everything a run leaves behind.
 */
@QuarkusTest
class PipelineIntegrationTest {
  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject LineageService lineage;
  @Inject MlflowTracker mlflow;
  @Inject ObjectStore store;
  @Inject DemoSeeder seeder;
  @Inject PipelineWorker worker;
  @Inject TemporalConnection temporal;

  @Test
  void demoPipelineLeavesMlflowRunObjectsAndLineage() {
    long vocabularyId = seeder.ensureDemoVocabulary().id;
    TrainingRun run =
        launcher.launch(
            new LaunchRequest(
                "demo",
                vocabularyId,
                new Hyperparameters(2, 8, 1e-3, 0.07, 1.0, 0.5, 2, 4, 7L),
                null),
            "integration-test");

    TrainingRun done = await(run.id, r -> r.status.isFinal(), Duration.ofMinutes(10));
    assertEquals(RunStatus.SUCCEEDED, done.status, "run ended: " + done.message);

    RunLineage trail = lineage.lineageOf(run.id);
    assertNotNull(trail.dataset().versionId(), "lineage names the dataset version");
    assertFalse(trail.models().isEmpty(), "lineage has the model version");
    assertFalse(trail.evaluations().isEmpty(), "lineage has the evaluation");
    assertEquals(done.workflowId, trail.workflowId());
    assertEquals(done.mlflowRunId, trail.mlflowRunId());

    RunSnapshot tracked = mlflow.readRun(done.mlflowRunId);
    assertEquals("2", tracked.params().get("epochs"));
    assertEquals("0.001", tracked.params().get("learningRate"));
    assertEquals(done.workflowId, tracked.tags().get(MlflowTracker.TAG_WORKFLOW_ID));
    assertNotNull(tracked.tags().get(MlflowTracker.TAG_DATASET_VERSION));
    assertNotNull(tracked.tags().get(MlflowTracker.TAG_VOCABULARY_VERSION));
    assertNotNull(tracked.tags().get(MlflowTracker.TAG_GIT_COMMIT));
    int steps = 2 * ((36 + 7) / 8);
    assertEquals(steps, mlflow.metricHistory(done.mlflowRunId, "train_loss").size());
    assertTrue(
        tracked.latestMetrics().containsKey("eval_aupr"), "metrics: " + tracked.latestMetrics());
    var artifacts = mlflow.listArtifacts(done.mlflowRunId);
    for (String expected :
        new String[] {
          "curation/report.json",
          "plots/loss.svg",
          "plots/precision_recall.svg",
          "plots/f1_vs_threshold.svg",
          "evaluation/report.json"
        }) {
      assertTrue(artifacts.contains(expected), expected + " missing from " + artifacts);
    }

    var model = trail.models().get(0);
    assertObjectHasSha(model.checkpointUri(), model.checkpointSha256());
    assertObjectHasSha(model.labelEmbeddingsUri(), model.labelEmbeddingsSha256());
    assertObjectHasSha(trail.dataset().manifestUri(), trail.dataset().manifestSha256());
    assertEquals(steps, runs.lossCurve(run.id).size());
  }

  @Test
  void stoppedWorkerResumesTrainingFromItsLastCheckpoint() {
    long vocabularyId = seeder.ensureDemoVocabulary().id;
    TrainingRun run =
        launcher.launch(
            new LaunchRequest(
                "demo",
                vocabularyId,
                new Hyperparameters(4, 4, 1e-3, 0.07, 1.0, 0.5, 2, 3, 11L),
                null),
            "integration-test");
    await(run.id, r -> r.lastStep != null && r.lastStep >= 8, Duration.ofMinutes(5));

    worker.stop();
    TrainingRun paused = runs.get(run.id);
    assertFalse(paused.status.isFinal(), "run must still be in flight: " + paused.status);
    worker.start();

    TrainingRun done = await(run.id, r -> r.status.isFinal(), Duration.ofMinutes(10));
    assertEquals(RunStatus.SUCCEEDED, done.status, "run ended: " + done.message);
    var history = temporal.client().fetchHistory(done.workflowId);
    TrainedModelRef trained = WorkflowHistories.lastResult(history, "Train", TrainedModelRef.class);
    assertTrue(trained.resumedFromStep() >= 6, "resumed from step " + trained.resumedFromStep());
    assertTrue(WorkflowHistories.attempts(history, "Train") >= 2, "training was retried");
    int steps = 4 * ((36 + 3) / 4);
    assertEquals(steps, trained.steps());
    var curve = runs.lossCurve(run.id);
    assertEquals(steps, curve.size(), "every step once, none lost or doubled");
  }

  private void assertObjectHasSha(String uri, String sha256) {
    S3Location location = S3Location.parse(uri);
    ObjectStore bucket =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    byte[] bytes = bucket.getBytes(location.key());
    assertEquals(sha256, dev.ovid.registry.common.Sha256.of(bytes), uri);
  }

  private TrainingRun await(long runId, Predicate<TrainingRun> condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    TrainingRun run = runs.get(runId);
    while (!condition.test(run)) {
      if (System.nanoTime() > deadline) {
        fail(
            "run "
                + runId
                + " did not get there in "
                + limit
                + "; now "
                + run.status
                + " "
                + run.stage
                + " "
                + run.message);
      }
      if (run.status.isFinal() && !condition.test(run)) {
        fail("run " + runId + " ended " + run.status + ": " + run.message);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      run = runs.get(runId);
    }
    return run;
  }
}
