package dev.ovid.web.temporal;

import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.SyntheticLabelingActivities;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflowImpl;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.tracking.RunTrackingActivities;
import dev.ovid.workflows.training.TrainingActivities;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Runs the pipeline's workflows and activities in this process, on the configured task queue. */
@ApplicationScoped
public class PipelineWorker {
  private static final Logger LOG = Logger.getLogger(PipelineWorker.class);

  @Inject TemporalConnection temporal;
  @Inject dev.ovid.activities.training.TrainingStopSignal trainingStop;
  @Inject RunTrackingActivities tracking;
  @Inject CurationActivities curation;
  @Inject SyntheticLabelingActivities synthetic;
  @Inject TrainingActivities training;
  @Inject ExpansionActivities expansion;
  @Inject EvaluationActivities evaluation;
  @Inject RegistrationActivities registration;

  private WorkerFactory factory;

  void onStart(@Observes StartupEvent event) {
    if (!temporal.settings().workerEnabled()) {
      LOG.info("Temporal worker disabled (ovid.temporal.worker-enabled=false)");
      return;
    }
    start();
  }

  public synchronized void start() {
    if (factory != null) return;
    String queue = temporal.settings().taskQueue();
    factory = WorkerFactory.newInstance(temporal.client());
    // Training is CPU/GPU bound: run few activities at once so they do not starve each other.
    var worker =
        factory.newWorker(
            queue,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(2)
                .setMaxConcurrentWorkflowTaskExecutionSize(10)
                .build());
    worker.registerWorkflowImplementationTypes(TrainingPipelineWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        tracking, curation, synthetic, training, expansion, evaluation, registration);
    factory.start();
    LOG.infof("Temporal worker polling task queue %s", queue);
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
  }

  public synchronized boolean running() {
    return factory != null;
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }
}
