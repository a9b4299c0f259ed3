package dev.ovid.activities.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.dataset.demo.DemoVocabulary;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.PipelineResult;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflow;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflowImpl;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.tracking.RunTrackingActivities;
import dev.ovid.workflows.training.TrainedModelRef;
import dev.ovid.workflows.training.TrainingActivities;
import io.quarkus.test.junit.QuarkusTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A worker crash in the middle of training, in Temporal's test environment with the real
 * activities: the retried attempt reads the checkpoint named in the last heartbeat and continues
 * from there instead of starting over.
 */
@QuarkusTest
class TrainingResumeWorkflowTest {
  private static final String QUEUE = "resume-test";

  @Inject RunTrackingActivities tracking;
  @Inject CurationActivities curation;
  @Inject TrainingActivities training;
  @Inject ExpansionActivities expansion;
  @Inject EvaluationActivities evaluation;
  @Inject RegistrationActivities registration;
  @Inject RunRegistry runs;
  @Inject DemoVocabulary demo;
  @Inject dev.ovid.activities.training.TrainingStopSignal trainingStop;

  @Test
  void retriedTrainingResumesFromTheCheckpointInItsLastHeartbeat() throws Exception {
    var vocabulary = demo.ensure();
    var hp = new Hyperparameters(6, 4, 1e-3, 0.07, 1.0, 0.5, 2, 3, 5L);
    long runId =
        runs.create(new NewRun("demo", null, vocabulary.name, hp.asMap(), null), "resume-test").id;

    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      register(env.getWorkerFactory());
      env.start();
      TrainingPipelineWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TrainingPipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(QUEUE)
                      .setWorkflowId("resume-test-" + UUID.randomUUID())
                      .build());
      var execution =
          WorkflowClient.start(
              workflow::run, new PipelineRequest(runId, "demo", vocabulary.id, hp, null));

      awaitStep(runId, 7);
      // The crash: the running attempt dies mid-training (as when its worker process stops);
      // Temporal retries the activity, and the retry must pick up the checkpoint.
      trainingStop.stopRunning();
      PipelineResult result = WorkflowStub.fromTyped(workflow).getResult(PipelineResult.class);

      assertTrue(result.modelVersionId() > 0);
      var history = env.getWorkflowClient().fetchHistory(execution.getWorkflowId());
      TrainedModelRef trained =
          WorkflowHistories.lastResult(history, "Train", TrainedModelRef.class);
      assertTrue(trained.resumedFromStep() >= 6, "resumed from " + trained.resumedFromStep());
      assertTrue(WorkflowHistories.attempts(history, "Train") >= 2, "training was retried");
      assertEquals(6 * 9, trained.steps());
      assertEquals(6 * 9, runs.lossCurve(runId).size(), "each step recorded once");
      assertEquals(RunStatus.SUCCEEDED, runs.get(runId).status);
    }
  }

  private void register(WorkerFactory factory) {
    var queues = TaskQueues.ofWorkflowQueue(QUEUE);
    factory
        .newWorker(QUEUE)
        .registerWorkflowImplementationTypes(TrainingPipelineWorkflowImpl.class);
    factory.newWorker(queues.training()).registerActivitiesImplementations(training);
    factory
        .newWorker(queues.cpu())
        .registerActivitiesImplementations(tracking, curation, expansion, evaluation, registration);
  }

  private void awaitStep(long runId, long step) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
    while (true) {
      var run = runs.get(runId);
      if (run.lastStep != null && run.lastStep >= step) return;
      assertFalse(run.status.isFinal(), "run ended early: " + run.status + " " + run.message);
      assertTrue(System.nanoTime() < deadline, "training never reached step " + step);
      Thread.sleep(200);
    }
  }
}
