package dev.ovid.web.operations;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.lineage.LineageService;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.tracking.MetricPoint;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TestWorker;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.training.TrainedModelRef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL of a real worker process in the middle of training: a new worker process resumes from the
 * last checkpoint recorded in the registry, MLflow holds every step once, and the final weights are
 * bit-identical to an uninterrupted run with the same seed (CPU).
 */
@QuarkusTest
class WorkerCrashResumeTest {
  // 36 training videos, batch 4: 9 steps an epoch.
  static final Hyperparameters HP = new Hyperparameters(6, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 1234L);
  static final int TOTAL_STEPS = 6 * 9;

  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject TemporalConnection temporal;
  @Inject MlflowTracker mlflow;
  @Inject LineageService lineage;

  @Test
  void aKilledWorkerResumesFromTheRecordedCheckpointWithIdenticalWeights() {
    long vocabulary = seeder.ensureDemoVocabulary().id;
    TestWorker worker = TestWorker.ensureRunning();

    TrainingRun killed =
        launcher.launch(new LaunchRequest("demo", vocabulary, HP, null), "crash-test");
    Runs.await(
        runs,
        killed.id,
        r -> runs.latestCheckpoint(r.id).map(c -> c.step() >= 10).orElse(false),
        Duration.ofMinutes(5));
    worker.kill();
    long checkpointAtKill = runs.latestCheckpoint(killed.id).orElseThrow().step();
    assertTrue(checkpointAtKill < TOTAL_STEPS, "killed before the end of training");

    TestWorker.ensureRunning(); // a new process, as `bin/ovid up` would start
    TrainingRun done = Runs.awaitEnd(runs, killed.id, Duration.ofMinutes(8));
    assertEquals(RunStatus.SUCCEEDED, done.status, Runs.describe(done));

    var history = temporal.client().fetchHistory(done.workflowId);
    TrainedModelRef trained = Histories.lastResult(history, "Train", TrainedModelRef.class);
    assertTrue(Histories.attempts(history, "Train") >= 2, "training was retried");
    assertTrue(
        trained.resumedFromStep() >= checkpointAtKill,
        "resumed from " + trained.resumedFromStep() + ", checkpoint at kill " + checkpointAtKill);
    assertEquals(TOTAL_STEPS, trained.steps());

    List<MetricPoint> loss = mlflow.metricHistory(done.mlflowRunId, "train_loss");
    assertEquals(
        TOTAL_STEPS,
        loss.size(),
        "MLflow holds each step once: " + loss.stream().map(MetricPoint::step).toList());
    assertEquals(TOTAL_STEPS, loss.stream().map(MetricPoint::step).distinct().count());

    TrainingRun reference =
        launcher.launch(new LaunchRequest("demo", vocabulary, HP, null), "crash-reference");
    TrainingRun uninterrupted = Runs.awaitEnd(runs, reference.id, Duration.ofMinutes(8));
    assertEquals(RunStatus.SUCCEEDED, uninterrupted.status, Runs.describe(uninterrupted));
    assertEquals(
        runs.lossCurve(uninterrupted.id),
        runs.lossCurve(done.id),
        "the resumed run's losses equal the uninterrupted run's, step by step");
    assertEquals(
        lineage.lineageOf(uninterrupted.id).models().get(0).checkpointSha256(),
        lineage.lineageOf(done.id).models().get(0).checkpointSha256(),
        "final weights are bit-identical");
  }
}
