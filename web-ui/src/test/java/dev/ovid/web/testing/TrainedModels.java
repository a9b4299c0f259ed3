package dev.ovid.web.testing;

import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;

/**
 * A model version trained by the demo pipeline (one epoch) on the test worker, made once per test
 * JVM: tests of expansion, classification and promotion need a real trained model.
 */
public final class TrainedModels {
  /** The trained model version with the dataset version it was trained on. */
  public record Trained(long runId, long modelVersionId, int version, long datasetVersionId) {}

  private static Trained demo;

  private TrainedModels() {}

  public static synchronized Trained demo(RunLauncher launcher, RunRegistry runs, Vocabulary v) {
    if (demo != null) return demo;
    TestWorker.ensureRunning();
    Hyperparameters d = Hyperparameters.defaults();
    Hyperparameters oneEpoch =
        new Hyperparameters(
            1,
            d.batchSize(),
            d.learningRate(),
            d.temperature(),
            d.negativeWeight(),
            d.swrLambda(),
            d.temporalLayers(),
            d.checkpointEverySteps(),
            d.seed());
    TrainingRun run =
        launcher.launch(new LaunchRequest(DemoDataset.NAME, v.id, oneEpoch, null), "mlops");
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    TrainingRun now = runs.get(run.id);
    while (!now.status.isFinal() && System.nanoTime() < deadline) {
      sleep(1000);
      now = runs.get(run.id);
    }
    if (now.status != RunStatus.SUCCEEDED) {
      throw new IllegalStateException(
          "the demo run " + run.id + " ended " + now.status + ": " + now.message);
    }
    long runId = run.id;
    demo =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  TrainingRun r = TrainingRun.findById(runId);
                  ModelVersion m = ModelVersion.ofRun(r).get(0);
                  DatasetVersion dv = r.datasetVersion;
                  return new Trained(runId, m.id, m.version, dv.id);
                });
    return demo;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
