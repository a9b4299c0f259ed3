package dev.ovid.activities.worker;

import dev.ovid.activities.failures.FailureClassifyingInterceptor;
import dev.ovid.activities.training.TrainingStopSignal;
import dev.ovid.activities.worker.WorkerSettings.QueueKind;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.benchmark.BenchmarkActivities;
import dev.ovid.workflows.benchmark.BenchmarkEvaluationWorkflowImpl;
import dev.ovid.workflows.classification.ClassificationWorkflowImpl;
import dev.ovid.workflows.classification.InferenceActivities;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.SyntheticLabelingActivities;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.expansion.ExpansionWorkflowImpl;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflowImpl;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.schedule.ScheduleActivities;
import dev.ovid.workflows.schedule.ScheduledTrainingWorkflowImpl;
import dev.ovid.workflows.tracking.RunTrackingActivities;
import dev.ovid.workflows.training.TrainingActivities;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polls the task queues this worker is configured for. What runs, and how many at once, is decided
 * by the queues' slots ({@link WorkerSettings}), not by locks inside the process.
 */
@ApplicationScoped
public class PipelineWorker {
  private static final Logger LOG = Logger.getLogger(PipelineWorker.class);

  @Inject TemporalConnection temporal;
  @Inject WorkerSettings settings;
  @Inject TrainingStopSignal trainingStop;
  @Inject RunTrackingActivities tracking;
  @Inject CurationActivities curation;
  @Inject SyntheticLabelingActivities synthetic;
  @Inject TrainingActivities training;
  @Inject ExpansionActivities expansion;
  @Inject EvaluationActivities evaluation;
  @Inject RegistrationActivities registration;
  @Inject BenchmarkActivities benchmarks;
  @Inject InferenceActivities inference;
  @Inject dev.ovid.workflows.promotion.PromotionActivities promotion;
  @Inject ScheduleActivities schedules;
  @Inject dev.ovid.workflows.videoindex.VideoIndexActivities videoIndex;

  private static final java.time.Duration HEARTBEAT_THROTTLE = java.time.Duration.ofSeconds(2);

  private WorkerFactory factory;
  private final List<String> polled = new ArrayList<>();

  private volatile String problem;
  private java.util.concurrent.ScheduledExecutorService retries;

  void onStart(@Observes StartupEvent event) {
    startOrRetry();
  }

  /**
   * Starts polling; while Temporal cannot be reached the worker stays up (health says why) and
   * tries again every few seconds, so it never depends on starting after the server.
   */
  public void startOrRetry() {
    try {
      start();
    } catch (RuntimeException e) {
      problem =
          "cannot poll Temporal at " + temporal.settings().dialTarget() + ": " + e.getMessage();
      LOG.warnf("%s; retrying in 5 s", problem);
      synchronized (this) {
        if (retries == null) {
          retries =
              java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                  r -> new Thread(r, "ovid-worker-start"));
        }
        retries.schedule(this::startOrRetry, 5, TimeUnit.SECONDS);
      }
    }
  }

  /** Why the worker is not polling, or null. */
  public String problem() {
    return running() ? null : problem;
  }

  public synchronized void start() {
    if (factory != null) return;
    TaskQueues queues = temporal.settings().queues();
    factory =
        WorkerFactory.newInstance(
            temporal.client(),
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new FailureClassifyingInterceptor())
                .build());
    for (QueueKind kind : settings.queues()) {
      switch (kind) {
        case WORKFLOWS ->
            factory
                .newWorker(
                    poll(queues.workflows()),
                    WorkerOptions.newBuilder()
                        .setMaxConcurrentWorkflowTaskExecutionSize(
                            settings.workflowTaskConcurrency())
                        .build())
                .registerWorkflowImplementationTypes(
                    TrainingPipelineWorkflowImpl.class,
                    ScheduledTrainingWorkflowImpl.class,
                    BenchmarkEvaluationWorkflowImpl.class,
                    ExpansionWorkflowImpl.class,
                    ClassificationWorkflowImpl.class,
                    dev.ovid.workflows.promotion.PromotionWorkflowImpl.class,
                    dev.ovid.workflows.classification.NearDuplicateWorkflowImpl.class,
                    dev.ovid.workflows.videoindex.VideoIndexWorkflowImpl.class,
                    dev.ovid.workflows.videoindex.LabelPreviewWorkflowImpl.class,
                    dev.ovid.workflows.videoindex.BatchClassificationWorkflowImpl.class);
        case TRAINING ->
            activityWorker(queues.training(), settings.trainingConcurrency())
                .registerActivitiesImplementations(training);
        case CPU ->
            activityWorker(queues.cpu(), settings.cpuConcurrency())
                .registerActivitiesImplementations(
                    tracking,
                    curation,
                    synthetic,
                    expansion,
                    evaluation,
                    registration,
                    benchmarks,
                    promotion,
                    schedules);
        case INFERENCE ->
            activityWorker(queues.inference(), settings.inferenceConcurrency())
                .registerActivitiesImplementations(inference, videoIndex);
      }
    }
    try {
      factory.start();
    } catch (RuntimeException e) {
      factory.shutdownNow();
      factory = null;
      polled.clear();
      throw e;
    }
    problem = null;
    LOG.infof(
        "worker polling %s (training slots %d, cpu slots %d) on Temporal %s",
        polled,
        settings.trainingConcurrency(),
        settings.cpuConcurrency(),
        temporal.settings().dialTarget());
  }

  private io.temporal.worker.Worker activityWorker(String queue, int slots) {
    return factory.newWorker(
        poll(queue),
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(slots)
            // Poll no more than there are free slots for, so another worker can take the rest.
            .setMaxConcurrentActivityTaskPollers(Math.max(1, Math.min(slots, 5)))
            // Heartbeats reach the server at least this often (the SDK's default waits up to 80%
            // of the heartbeat timeout): a cancel is noticed within a few steps, and the details
            // name a recent checkpoint.
            .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
            .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
            .build());
  }

  private String poll(String queue) {
    polled.add(queue);
    return queue;
  }

  /** The task queues this worker polls. */
  public synchronized List<String> polledQueues() {
    return List.copyOf(polled);
  }

  /**
   * Stops polling; running trainings stop at their next step and every running activity is retried
   * by Temporal (trainings resume from their last checkpoint).
   */
  public synchronized void stop() {
    if (factory == null) return;
    trainingStop.stopRunning();
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    factory = null;
    polled.clear();
  }

  public synchronized boolean running() {
    return factory != null;
  }

  void onStop(@Observes ShutdownEvent event) {
    synchronized (this) {
      if (retries != null) retries.shutdownNow();
    }
    stop();
  }
}
