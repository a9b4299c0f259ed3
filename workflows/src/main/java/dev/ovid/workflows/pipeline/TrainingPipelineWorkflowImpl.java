package dev.ovid.workflows.pipeline;

import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.CurationRequest;
import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.curation.SyntheticLabelingActivities;
import dev.ovid.workflows.curation.SyntheticLabelingRequest;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.evaluation.EvaluationRequest;
import dev.ovid.workflows.evaluation.EvaluationResult;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.expansion.ExpansionRequest;
import dev.ovid.workflows.expansion.LabelEmbeddingsRef;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.registration.RegistrationRequest;
import dev.ovid.workflows.tracking.RunTrackingActivities;
import dev.ovid.workflows.training.TrainedModelRef;
import dev.ovid.workflows.training.TrainingActivities;
import dev.ovid.workflows.training.TrainingRequest;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class TrainingPipelineWorkflowImpl implements TrainingPipelineWorkflow {

  /**
   * Attempts an activity gets for transient failures (a service down, a worker lost): 1 s, 2 s, 4 s
   * ... doubling up to 1 min apart, so about 5 minutes of retrying in all before the run fails.
   */
  public static final int TRANSIENT_ATTEMPTS = 10;

  // A service that is down makes activities retry with backoff, not fail the run; bad input
  // fails at once (workers turn it into a non-retryable failure; these names are a second guard).
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(TRANSIENT_ATTEMPTS)
          .setDoNotRetry(
              BadInputException.class.getName(),
              // The registry's domain errors: a retry cannot fix them (named, not imported, so
              // workflow code stays free of persistence classes).
              "dev.ovid.registry.common.ValidationException",
              "dev.ovid.registry.common.NotFoundException",
              "dev.ovid.registry.common.IntegrityException")
          .build();

  private static ActivityOptions options(String queue, Duration startToClose, Duration heartbeat) {
    return optionsBuilder(queue, startToClose, heartbeat).build();
  }

  private static ActivityOptions.Builder optionsBuilder(
      String queue, Duration startToClose, Duration heartbeat) {
    var builder =
        ActivityOptions.newBuilder()
            .setTaskQueue(queue)
            .setStartToCloseTimeout(startToClose)
            .setScheduleToCloseTimeout(Duration.ofHours(24))
            .setRetryOptions(RETRY);
    if (heartbeat != null) builder.setHeartbeatTimeout(heartbeat);
    return builder;
  }

  // Activities go to the queue of the resource they need; the queues are named from the one this
  // workflow runs on, so a test's or a second installation's queues never mix with others.
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());

  private final RunTrackingActivities tracking =
      Workflow.newActivityStub(
          RunTrackingActivities.class, options(queues.cpu(), Duration.ofMinutes(2), null));
  private final CurationActivities curation =
      Workflow.newActivityStub(
          CurationActivities.class,
          options(queues.cpu(), Duration.ofHours(2), Duration.ofMinutes(2)));
  private final SyntheticLabelingActivities synthetic =
      Workflow.newActivityStub(
          SyntheticLabelingActivities.class,
          options(queues.cpu(), Duration.ofHours(6), Duration.ofMinutes(2)));
  private final TrainingActivities training =
      Workflow.newActivityStub(
          TrainingActivities.class,
          // On cancellation the workflow waits for training to stop and save its checkpoint.
          optionsBuilder(queues.training(), Duration.ofHours(12), Duration.ofSeconds(30))
              .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
              .build());
  private final ExpansionActivities expansion =
      Workflow.newActivityStub(
          ExpansionActivities.class,
          options(queues.cpu(), Duration.ofHours(1), Duration.ofMinutes(2)));
  private final EvaluationActivities evaluation =
      Workflow.newActivityStub(
          EvaluationActivities.class,
          options(queues.cpu(), Duration.ofHours(2), Duration.ofMinutes(2)));
  private final RegistrationActivities registration =
      Workflow.newActivityStub(
          RegistrationActivities.class, options(queues.cpu(), Duration.ofMinutes(5), null));

  private PipelineProgress progress =
      new PipelineProgress(PipelineStage.QUEUED, 0.0, "waiting for a worker");

  // Since version 1 of "async-stage-updates", a stage's row update is scheduled together with the
  // stage's activity instead of before it: one workflow round trip less per stage. Since version
  // 2 it runs in a detached scope: cancelling the run no longer cancels a pending row update (the
  // cleanup awaits it anyway), so no cancel command can race the update's own completion (that
  // race left Temporal's test server rejecting every later workflow task: ACTIVITY_UNKNOWN).
  private boolean asyncStageUpdates;
  private boolean detachedStageUpdates;
  private Promise<Void> stageUpdate;

  @Override
  public PipelineResult run(PipelineRequest request) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    int stageUpdates = Workflow.getVersion("async-stage-updates", Workflow.DEFAULT_VERSION, 2);
    asyncStageUpdates = stageUpdates >= 1;
    detachedStageUpdates = stageUpdates >= 2;
    try {
      // Inside the try: a run cancelled or failing while MLflow is unreachable still ends.
      String mlflowRunId = tracking.startRun(request, workflowId);
      enter(request.runId(), PipelineStage.CURATE, "curating " + request.datasetName());
      DatasetVersionRef dataset =
          curation.curate(
              new CurationRequest(request.runId(), request.datasetName(), request.vocabularyId()));

      // Added after the first release: histories recorded before it replay without this step.
      int withSynthetic = Workflow.getVersion("synthetic-labels", Workflow.DEFAULT_VERSION, 1);
      if (withSynthetic == 1 && request.syntheticLabeler() != null) {
        progress = new PipelineProgress(PipelineStage.CURATE, 0.1, "adding synthetic labels");
        dataset =
            synthetic.labelDataset(
                new SyntheticLabelingRequest(
                    request.runId(),
                    dataset,
                    request.vocabularyId(),
                    request.syntheticLabeler(),
                    "train"));
      }

      enter(
          request.runId(), PipelineStage.TRAIN, "training on " + dataset.videoCount() + " videos");
      TrainedModelRef model =
          training.train(
              new TrainingRequest(
                  request.runId(), mlflowRunId, dataset, request.hyperparameters()));

      enter(request.runId(), PipelineStage.EXPAND, "embedding the vocabulary");
      LabelEmbeddingsRef labels =
          expansion.expand(
              new ExpansionRequest(request.runId(), mlflowRunId, model, request.vocabularyId()));

      enter(request.runId(), PipelineStage.EVALUATE, "evaluating");
      EvaluationResult scores =
          evaluation.evaluate(
              new EvaluationRequest(request.runId(), mlflowRunId, model, labels, dataset));

      enter(request.runId(), PipelineStage.REGISTER, "registering the model version");
      long modelVersionId =
          registration.register(
              new RegistrationRequest(request.runId(), mlflowRunId, model, labels, scores));

      progress =
          new PipelineProgress(PipelineStage.SUCCEEDED, 1.0, "model version " + modelVersionId);
      awaitStageUpdate();
      tracking.finishRun(request.runId(), PipelineStage.SUCCEEDED, progress.message());
      return new PipelineResult(modelVersionId, mlflowRunId, scores);
    } catch (ActivityFailure | CanceledFailure failure) {
      if (cancelled(failure)) {
        // The workflow is cancelled (UI, REST, Temporal): record it in a scope that is not.
        progress = new PipelineProgress(PipelineStage.CANCELLED, progress.fraction(), "cancelled");
        Workflow.newDetachedCancellationScope(
                () -> {
                  awaitStageUpdate();
                  tracking.finishRun(request.runId(), PipelineStage.CANCELLED, "cancelled");
                })
            .run();
      } else {
        String reason = rootMessage((ActivityFailure) failure);
        progress = new PipelineProgress(PipelineStage.FAILED, progress.fraction(), reason);
        awaitStageUpdate();
        tracking.finishRun(request.runId(), PipelineStage.FAILED, reason);
      }
      throw failure;
    }
  }

  private static boolean cancelled(RuntimeException failure) {
    return failure instanceof CanceledFailure
        || failure.getCause() instanceof CanceledFailure
        || CancellationScope.current().isCancelRequested();
  }

  @Override
  public PipelineProgress progress() {
    return progress;
  }

  private void enter(long runId, PipelineStage stage, String message) {
    // Stages between CURATE and REGISTER split the bar evenly.
    double fraction = (stage.ordinal() - PipelineStage.CURATE.ordinal()) / 5.0;
    progress = new PipelineProgress(stage, fraction, message);
    if (!asyncStageUpdates) {
      tracking.stageChanged(runId, stage);
      return;
    }
    // One update at a time, so the row never goes back to an earlier stage (the previous one has
    // almost always finished: a whole activity ran since). A failed one is logged, not fatal.
    awaitStageUpdate();
    if (!detachedStageUpdates) {
      stageUpdate = Async.procedure(tracking::stageChanged, runId, stage);
      return;
    }
    Workflow.newDetachedCancellationScope(
            () -> stageUpdate = Async.procedure(tracking::stageChanged, runId, stage))
        .run();
  }

  /**
   * Lets the last stage update finish before the run's final status is written (a late one would
   * overwrite it). Its failure does not change the run's outcome: the final status says more.
   */
  private void awaitStageUpdate() {
    if (stageUpdate == null) return;
    Promise<Void> pending = stageUpdate;
    stageUpdate = null;
    try {
      pending.get();
    } catch (ActivityFailure | CanceledFailure e) {
      Workflow.getLogger(TrainingPipelineWorkflowImpl.class)
          .warn(
              "run {}: a stage update failed (the run goes on): {}",
              Workflow.getInfo().getWorkflowId(),
              e.getMessage());
    }
  }

  private static String rootMessage(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) return app.getOriginalMessage();
    return cause == null ? failure.getMessage() : cause.getMessage();
  }
}
