package dev.ovid.activities.training;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.metrics.plot.MetricPlots;
import dev.ovid.model.training.Checkpoint;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingResult;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.CheckpointRef;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MetricBuffer;
import dev.ovid.registry.tracking.MetricPoint;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.training.TrainedModelRef;
import dev.ovid.workflows.training.TrainingActivities;
import dev.ovid.workflows.training.TrainingHeartbeat;
import dev.ovid.workflows.training.TrainingRequest;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCanceledException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Trains the model on a dataset version's train split. A retried attempt (worker crash, restart)
 * finds the run's last checkpoint in the registry (recorded when written; the heartbeat details may
 * name it too, but heartbeats are throttled and may never reach the server), downloads it and
 * continues from that step. A run created by "retry from checkpoint" starts from its source run's
 * last checkpoint. Cancellation (learnt from a heartbeat) stops at the next step, after saving a
 * checkpoint of the state reached.
 */
@ApplicationScoped
public class TrainingActivitiesImpl implements TrainingActivities {
  private static final Logger LOG = Logger.getLogger(TrainingActivitiesImpl.class);

  @Inject ObjectStore store;
  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;
  @Inject PipelineModels models;
  @Inject DatasetVersionReader datasets;
  @Inject TrainingStopSignal stopSignal;

  /** Well inside the training activity's 30-second heartbeat timeout. */
  private static final java.time.Duration KEEP_ALIVE_EVERY = java.time.Duration.ofSeconds(10);

  @Override
  public TrainedModelRef train(TrainingRequest request) {
    var context = Activity.getExecutionContext();
    TrainingHeartbeat resumeFrom =
        resumePoint(
            request.runId(), context.getHeartbeatDetails(TrainingHeartbeat.class).orElse(null));
    long generation = stopSignal.current();
    // How many trainings run at once is the training queue's slot count (ovid.worker.*).
    // Steps heartbeat too, but one step of a large model on a CPU can outlast the timeout.
    var latest = new java.util.concurrent.atomic.AtomicReference<>(resumeFrom);
    try (var keepAlive = new HeartbeatKeepAlive(context, KEEP_ALIVE_EVERY, latest::get)) {
      return train(request, context, resumeFrom, () -> stopSignal.stopped(generation), latest::set);
    }
  }

  private TrainedModelRef train(
      TrainingRequest request,
      io.temporal.activity.ActivityExecutionContext context,
      TrainingHeartbeat resumeFrom,
      java.util.function.BooleanSupplier stopRequested,
      java.util.function.Consumer<TrainingHeartbeat> heartbeatSent) {
    var config = models.trainingConfig(request.hyperparameters());
    List<ManifestEntry> entries = datasets.entries(request.dataset().manifest(), "train");
    try (OvidModel model =
            models.build(
                request.hyperparameters(), models.publishedVocabularyVersion(request.runId()));
        PrefetchingReader<DecodedVideo> reader =
            datasets.open(entries, config.frames(), models.imageSize(model), true)) {
      // Videos are decoded as the trainer reaches them, a few ahead: never the whole split.
      var data =
          new StreamingTrainingDataset(entries, reader, config.frames(), models.imageSize(model));
      if ("fixed-llm-attributes"
          .equals(models.modelSpec(request.hyperparameters()).labelEncoder())) {
        // One stored attribute set for the whole training vocabulary, not one per batch's labels.
        try (var scratch = model.manager().newSubManager()) {
          model.embedLabels(data.vocabulary(), scratch);
        }
      }
      // "auto" resolves per worker: record what this one computes in, and where.
      mlflow.setTags(
          request.mlflowRunId(),
          Map.of(
              MlflowTracker.TAG_TRAINING_PRECISION, model.precision().label(),
              MlflowTracker.TAG_TRAINING_DEVICE, model.manager().getDevice().toString()));
      var trainer = new OvidTrainer(model, config);
      int resumedFromStep = 0;
      if (resumeFrom != null && resumeFrom.checkpointUri() != null) {
        trainer.restore(downloadCheckpoint(resumeFrom), data);
        resumedFromStep = (int) trainer.step();
        LOG.infof("run %d: resuming training at step %d", request.runId(), resumedFromStep);
      }
      // Not closed on failure: values after the last checkpoint are dropped, and the resumed
      // attempt reports those steps again unless an earlier attempt already sent them.
      MetricBuffer metrics = mlflow.metricBuffer(request.mlflowRunId());
      var reporter =
          new TrainingProgressReporter(
              context,
              runs,
              metrics,
              store,
              request.runId(),
              resumeFrom,
              lastLoggedStep(request.mlflowRunId()),
              stopRequested,
              heartbeatSent);
      TrainingResult result;
      long trainStarted = System.nanoTime();
      long waitedBefore = reader.waitNanos();
      try (reporter) {
        try {
          result = trainer.train(data, reporter);
        } catch (ActivityCanceledException cancelled) {
          // The run was cancelled: keep what was trained so "retry from checkpoint" loses
          // nothing.
          LOG.infof(
              "run %d: cancelled at step %d; saving a checkpoint", request.runId(), trainer.step());
          reporter.save(trainer.step(), trainer.checkpoint(data), false);
          throw cancelled;
        }
        reporter.flush();
      }
      logShares(
          request.runId(),
          System.nanoTime() - trainStarted,
          reader.waitNanos() - waitedBefore,
          reporter.overhead());
      model
          .learnedTemperature()
          .ifPresent(
              tau ->
                  mlflow.logMetrics(
                      request.mlflowRunId(),
                      List.of(
                          new MetricPoint(
                              "learned_temperature",
                              tau,
                              result.lastStep(),
                              System.currentTimeMillis()))));
      StoredObject weights = saveWeights(model, request.runId());
      logPlots(request);
      double finalLoss =
          result.losses().isEmpty()
              ? lastRecordedLoss(request.runId())
              : result.losses().get(result.losses().size() - 1);
      return new TrainedModelRef(
          new ObjectRef(weights.uri(), weights.sha256(), weights.size()),
          (int) result.lastStep(),
          finalLoss,
          resumedFromStep);
    }
  }

  /**
   * Where the training thread's time went: waiting for decoded videos, tracking (MLflow metrics,
   * loss and progress rows) and heartbeats; the rest is the model's compute (BENCHMARKS.md).
   */
  private static void logShares(
      long runId, long wallNanos, long dataWaitNanos, TrainingProgressReporter.Overhead overhead) {
    double wall = Math.max(1, wallNanos);
    LOG.infof(
        "run %d: %d steps in %.1f s: data wait %.1f%%, tracking %.3f%% (%.2f ms/step),"
            + " heartbeats %.3f%% (%.3f ms/step), compute and the rest %.1f%%",
        runId,
        overhead.steps(),
        wallNanos / 1e9,
        100 * dataWaitNanos / wall,
        100 * overhead.trackingNanos() / wall,
        overhead.trackingNanos() / 1e6 / Math.max(1, overhead.steps()),
        100 * overhead.heartbeatNanos() / wall,
        overhead.heartbeatNanos() / 1e6 / Math.max(1, overhead.steps()),
        100
            * (wallNanos - dataWaitNanos - overhead.trackingNanos() - overhead.heartbeatNanos())
            / wall);
  }

  /**
   * Where this attempt starts: the later of the run's last recorded checkpoint and the one named in
   * the last heartbeat; for a new run made by "retry from checkpoint", its source run's last one.
   */
  private TrainingHeartbeat resumePoint(long runId, TrainingHeartbeat heartbeat) {
    Optional<CheckpointRef> recorded = runs.latestCheckpoint(runId);
    if (recorded.isEmpty()) {
      Long from = runs.get(runId).resumeFromRunId;
      if (from != null) recorded = runs.latestCheckpoint(from);
    }
    if (recorded.isEmpty()) return heartbeat;
    CheckpointRef c = recorded.get();
    if (heartbeat != null && heartbeat.checkpointUri() != null && heartbeat.step() > c.step()) {
      return heartbeat;
    }
    return new TrainingHeartbeat(
        0,
        (int) c.step(),
        heartbeat == null ? 0 : heartbeat.totalSteps(),
        Double.NaN,
        c.uri(),
        c.sha256());
  }

  /** A run resumed after its last step trained nothing: its loss is the one recorded last. */
  private double lastRecordedLoss(long runId) {
    Double loss = runs.get(runId).lastLoss;
    return loss == null ? Double.NaN : loss;
  }

  /** The highest step whose train_loss MLflow already holds (0: none). */
  private long lastLoggedStep(String mlflowRunId) {
    return mlflow.metricHistory(mlflowRunId, "train_loss").stream()
        .mapToLong(MetricPoint::step)
        .max()
        .orElse(0);
  }

  private Checkpoint downloadCheckpoint(TrainingHeartbeat heartbeat) {
    S3Location location = S3Location.parse(heartbeat.checkpointUri());
    return ScratchFiles.withTempFile(
        "ovid-resume-",
        ".ckpt",
        file -> {
          store.download(location.key(), file, heartbeat.checkpointSha256());
          return Checkpoint.load(file);
        });
  }

  private StoredObject saveWeights(OvidModel model, long runId) {
    return ScratchFiles.withTempFile(
        "ovid-weights-",
        ".bin",
        file -> {
          model.saveWeights(file);
          String sha = Sha256.of(Files.readAllBytes(file));
          return store.put("runs/" + runId + "/model/" + sha + ".weights", file);
        });
  }

  /** The whole run's loss curve (earlier attempts included) as an MLflow artifact. */
  private void logPlots(TrainingRequest request) {
    var curve = runs.lossCurve(request.runId());
    if (curve.isEmpty()) return;
    long[] steps = curve.stream().mapToLong(s -> s.step()).toArray();
    double[] losses = curve.stream().mapToDouble(s -> s.loss()).toArray();
    String svg = MetricPlots.lossCurve(steps, losses, "Training loss, run " + request.runId());
    mlflow.logArtifact(
        request.mlflowRunId(), "plots/loss.svg", svg.getBytes(StandardCharsets.UTF_8));
  }
}
