package dev.ovid.activities.training;

import dev.ovid.activities.common.Actors;
import dev.ovid.model.training.Checkpoint;
import dev.ovid.model.training.TrainingListener;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.LossSample;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MetricBuffer;
import dev.ovid.workflows.training.TrainingHeartbeat;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports training as it goes: a heartbeat per step (carrying the last checkpoint so a retry can
 * resume), buffered loss metrics to MLflow, loss points and progress to the database every few
 * steps, and each checkpoint uploaded to the object store.
 */
final class TrainingProgressReporter implements TrainingListener, AutoCloseable {
  private static final int DB_EVERY_STEPS = 5;
  private static final long HEARTBEAT_EVERY_NANOS = 1_000_000_000L;

  /** The train stage's share of the pipeline's progress bar. */
  private static final double STAGE_START = 0.2;

  private static final double STAGE_WIDTH = 0.2;

  private final ActivityExecutionContext context;
  private final RunRegistry runs;
  private final MetricBuffer metrics;
  private final ObjectStore store;
  private final long runId;
  private final List<LossSample> pending = new ArrayList<>();
  private final List<LossSample> history = new ArrayList<>();
  private final java.util.function.BooleanSupplier stopRequested;
  private final long metricsLoggedUpTo;
  private final java.util.function.Consumer<TrainingHeartbeat> heartbeatSent;
  private TrainingHeartbeat last;
  private long lastBeatAt; // System.nanoTime() of this thread's last heartbeat; 0: none yet
  // Time this listener held the training thread, per kind (BENCHMARKS.md, "Tracking overhead").
  private long trackingNanos;
  private long heartbeatNanos;
  private long steps;
  // Loss rows and progress go to the database from this thread, in order, so a step does not wait
  // for a transaction; flush() and checkpoints wait for what is queued.
  private final java.util.concurrent.ExecutorService writer =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ovid-training-progress");
            t.setDaemon(true);
            return t;
          });
  private java.util.concurrent.Future<?> lastWrite;
  private volatile RuntimeException writeFailure;

  TrainingProgressReporter(
      ActivityExecutionContext context,
      RunRegistry runs,
      MetricBuffer metrics,
      ObjectStore store,
      long runId,
      TrainingHeartbeat resumedFrom,
      long metricsLoggedUpTo,
      java.util.function.BooleanSupplier stopRequested,
      java.util.function.Consumer<TrainingHeartbeat> heartbeatSent) {
    this.context = context;
    this.runs = runs;
    this.metrics = metrics;
    this.store = store;
    this.runId = runId;
    this.last = resumedFrom;
    this.stopRequested = stopRequested;
    this.metricsLoggedUpTo = metricsLoggedUpTo;
    this.heartbeatSent = heartbeatSent;
  }

  @Override
  public void onStep(int epoch, long step, long totalSteps, float loss, double samplesPerSecond) {
    if (Thread.currentThread().isInterrupted() || stopRequested.getAsBoolean()) {
      // The worker is shutting down: stop here; Temporal retries from the last checkpoint.
      throw new IllegalStateException(
          "training stopped at step " + step + ": worker shutting down");
    }
    long started = System.nanoTime();
    // An earlier attempt may have sent steps after its last checkpoint: MLflow keeps every value
    // it is sent, so those steps are not sent again (training is deterministic: same values).
    if (step > metricsLoggedUpTo) {
      metrics.add("train_loss", loss, step);
      metrics.add("samples_per_second", samplesPerSecond, step);
    }
    var sample = new LossSample(step, loss);
    pending.add(sample);
    history.add(sample);
    last =
        new TrainingHeartbeat(
            epoch,
            (int) step,
            (int) totalSteps,
            loss,
            last == null ? null : last.checkpointUri(),
            last == null ? null : last.checkpointSha256());
    long tracked = System.nanoTime();
    heartbeat(false);
    long beaten = System.nanoTime();
    if (step % DB_EVERY_STEPS == 0 || step == totalSteps) flush(step, totalSteps, loss);
    trackingNanos += (tracked - started) + (System.nanoTime() - beaten);
    heartbeatNanos += beaten - tracked;
    steps++;
  }

  /**
   * FP16 runs: the loss scale and the steps skipped for overflowing gradients, as MLflow metrics.
   */
  @Override
  public void onLossScale(long step, float scale, long skippedSteps) {
    long started = System.nanoTime();
    if (step > metricsLoggedUpTo) {
      metrics.add("loss_scale", scale, step);
      metrics.add("skipped_steps", skippedSteps, step);
    }
    trackingNanos += System.nanoTime() - started;
  }

  /**
   * Nanoseconds the training thread spent in this listener's per-step work: metrics to MLflow and
   * loss/progress to the database ({@code tracking}), and heartbeats. Checkpoints are not counted.
   */
  record Overhead(long steps, long trackingNanos, long heartbeatNanos) {}

  Overhead overhead() {
    return new Overhead(steps, trackingNanos, heartbeatNanos);
  }

  @Override
  public void onCheckpoint(long step, Checkpoint checkpoint) {
    save(step, checkpoint, true);
  }

  /**
   * Stores the checkpoint, records it in the registry (where a retried attempt finds it) and, when
   * {@code heartbeat}, names it in the heartbeat details too. A cancelled attempt saves its last
   * state without heartbeating (a heartbeat would only say "cancelled" again).
   */
  void save(long step, Checkpoint checkpoint, boolean heartbeat) {
    // Everything up to a checkpoint is reported before the checkpoint is recorded: a resumed
    // attempt restarts after it, so no step is lost or recorded twice.
    flush();
    try {
      Path file = Files.createTempFile("ovid-checkpoint-", ".ckpt");
      try {
        checkpoint.save(file);
        String sha = dev.ovid.registry.common.Sha256.of(Files.readAllBytes(file));
        String key =
            String.format(
                "runs/%d/checkpoints/step-%06d-%s.ckpt", runId, step, sha.substring(0, 12));
        StoredObject stored = store.put(key, file);
        runs.recordCheckpoint(
            runId, step, stored.uri(), stored.sha256(), stored.size(), Actors.WORKER);
        last =
            new TrainingHeartbeat(
                last == null ? 0 : last.epoch(),
                (int) step,
                last == null ? (int) step : last.totalSteps(),
                last == null ? Double.NaN : last.loss(),
                stored.uri(),
                stored.sha256());
        if (heartbeat) heartbeat(true);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("saving checkpoint at step " + step, e);
    }
  }

  /**
   * Hands the latest details to the keep-alive (which sends them every few seconds) and heartbeats
   * them from this thread at most once a second, or at once when {@code now} (a new checkpoint).
   * The Temporal SDK sends a heartbeat synchronously when none is scheduled, which cost short steps
   * about 1 % of their time; a cancellation still surfaces here within about a second.
   */
  private void heartbeat(boolean now) {
    heartbeatSent.accept(last);
    long at = System.nanoTime();
    if (!now && lastBeatAt != 0 && at - lastBeatAt < HEARTBEAT_EVERY_NANOS) return;
    lastBeatAt = at == 0 ? 1 : at;
    context.heartbeat(last);
  }

  /** Sends the buffered metrics and loss points (at checkpoints and when training ends). */
  void flush() {
    metrics.flush();
    awaitWrite();
    if (!pending.isEmpty()) {
      runs.recordLoss(runId, List.copyOf(pending), Actors.WORKER);
      pending.clear();
    }
  }

  List<LossSample> history() {
    return history;
  }

  private void flush(long step, long totalSteps, float loss) {
    var samples = List.copyOf(pending);
    pending.clear();
    // One write queued at most: a database slower than five steps slows training, as before,
    // instead of queueing without bound. The previous write is normally long done.
    awaitWrite();
    lastWrite =
        writer.submit(
            () -> {
              if (writeFailure != null) return; // later rows wait for the failed attempt's retry
              try {
                runs.recordLoss(runId, samples, Actors.WORKER);
                runs.updateProgress(
                    runId,
                    "TRAIN",
                    STAGE_START + STAGE_WIDTH * step / Math.max(1, totalSteps),
                    String.format("step %d/%d, loss %.4f", step, totalSteps, loss),
                    step,
                    (double) loss,
                    Actors.WORKER);
              } catch (RuntimeException e) {
                writeFailure = e;
              }
            });
  }

  /**
   * Waits for the queued database write and rethrows its failure, which so stops training at the
   * next write, as a synchronous write did.
   */
  private void awaitWrite() {
    var write = lastWrite;
    if (write != null) {
      try {
        write.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while recording training progress", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("recording training progress failed", e.getCause());
      }
    }
    if (writeFailure != null) throw writeFailure;
  }

  @Override
  public void close() {
    writer.shutdown();
  }
}
