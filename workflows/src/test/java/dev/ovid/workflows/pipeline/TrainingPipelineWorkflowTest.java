package dev.ovid.workflows.pipeline;

import static dev.ovid.workflows.pipeline.PipelineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.*;

import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.curation.LabelerSpec;
import dev.ovid.workflows.curation.SyntheticLabelingActivities;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.tracking.RunTrackingActivities;
import dev.ovid.workflows.training.TrainingActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class TrainingPipelineWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(TrainingPipelineWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final RunTrackingActivities tracking =
      mock(RunTrackingActivities.class, withSettings().withoutAnnotations());
  private final CurationActivities curation =
      mock(CurationActivities.class, withSettings().withoutAnnotations());
  private final TrainingActivities training =
      mock(TrainingActivities.class, withSettings().withoutAnnotations());
  private final ExpansionActivities expansion =
      mock(ExpansionActivities.class, withSettings().withoutAnnotations());
  private final EvaluationActivities evaluation =
      mock(EvaluationActivities.class, withSettings().withoutAnnotations());
  private final RegistrationActivities registration =
      mock(RegistrationActivities.class, withSettings().withoutAnnotations());
  private final SyntheticLabelingActivities synthetic =
      mock(SyntheticLabelingActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void stubHappyPath() {
    when(tracking.startRun(any(), anyString())).thenReturn("mlflow-run-1");
    when(curation.curate(any())).thenReturn(DATASET);
    when(training.train(any())).thenReturn(MODEL);
    when(expansion.expand(any())).thenReturn(LABELS);
    when(evaluation.evaluate(any())).thenReturn(SCORES);
    when(registration.register(any())).thenReturn(21L);
  }

  /**
   * Starts the run, cancels it once {@code reached} has counted down, and checks that it ends in
   * failure (a cancelled workflow's result).
   */
  private TrainingPipelineWorkflow cancelOnce(
      CountDownLatch reached, TestWorkflowEnvironment env, Worker worker)
      throws InterruptedException {
    TrainingPipelineWorkflow workflow = start(env, worker);
    WorkflowClient.start(workflow::run, REQUEST);
    assertTrue(reached.await(30, TimeUnit.SECONDS));

    WorkflowStub.fromTyped(workflow).cancel();

    assertThrows(
        WorkflowFailedException.class,
        () -> WorkflowStub.fromTyped(workflow).getResult(PipelineResult.class));
    return workflow;
  }

  private TrainingPipelineWorkflow start(TestWorkflowEnvironment env, Worker worker) {
    // Activities live on the queues named from the workflow's own (training, cpu).
    var queues = TaskQueues.ofWorkflowQueue(worker.getTaskQueue());
    env.newWorker(queues.training()).registerActivitiesImplementations(training);
    env.newWorker(queues.cpu())
        .registerActivitiesImplementations(
            tracking, curation, expansion, evaluation, registration, synthetic);
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            TrainingPipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowId("run-7")
                .build());
  }

  @Test
  void runsStagesInOrderAndPassesReferencesAlong(TestWorkflowEnvironment env, Worker worker) {
    PipelineResult result = start(env, worker).run(REQUEST);

    assertEquals(21L, result.modelVersionId());
    assertEquals("mlflow-run-1", result.mlflowRunId());
    assertEquals(SCORES, result.evaluation());
    InOrder order = inOrder(tracking, curation, training, expansion, evaluation, registration);
    order.verify(tracking).startRun(REQUEST, "run-7");
    order.verify(curation).curate(argThatDataset());
    order.verify(training).train(argThat(r -> r.dataset().equals(DATASET) && r.runId() == 7L));
    order.verify(expansion).expand(argThat(r -> r.model().equals(MODEL)));
    order.verify(evaluation).evaluate(argThat(r -> r.labels().equals(LABELS)));
    order.verify(registration).register(argThat(r -> r.evaluation().equals(SCORES)));
    order.verify(tracking).finishRun(eq(7L), eq(PipelineStage.SUCCEEDED), anyString());
    verify(tracking).stageChanged(7L, PipelineStage.TRAIN);
  }

  @Test
  void aCancelledRunIsRecordedCancelledNotFailed(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    var curating = new CountDownLatch(1);
    when(curation.curate(any()))
        .thenAnswer(
            call -> {
              curating.countDown();
              Thread.sleep(3_000);
              return DATASET;
            });
    cancelOnce(curating, env, worker);

    verify(tracking).finishRun(eq(7L), eq(PipelineStage.CANCELLED), anyString());
    verify(tracking, never()).finishRun(eq(7L), eq(PipelineStage.FAILED), anyString());
    verify(training, never()).train(any());
  }

  @Test
  void cancellingTheRunLeavesAPendingStageUpdateToFinish(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    // The CURATE row update is still running when the run is cancelled. Cancelling it as well
    // raced its completion (Temporal's test server then refused every later workflow task).
    var updating = new CountDownLatch(1);
    doAnswer(
            call -> {
              updating.countDown();
              Thread.sleep(2_000);
              return null;
            })
        .when(tracking)
        .stageChanged(7L, PipelineStage.CURATE);
    when(curation.curate(any()))
        .thenAnswer(
            call -> {
              Thread.sleep(3_000);
              return DATASET;
            });
    TrainingPipelineWorkflow workflow = cancelOnce(updating, env, worker);

    var history =
        env.getWorkflowClient()
            .fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId())
            .getEvents();
    java.util.Map<Long, String> activityTypes = new java.util.HashMap<>();
    java.util.List<String> cancelled = new java.util.ArrayList<>();
    for (var event : history) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        activityTypes.put(
            event.getEventId(),
            event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
      }
      if (event.hasActivityTaskCancelRequestedEventAttributes()) {
        cancelled.add(
            activityTypes.get(
                event.getActivityTaskCancelRequestedEventAttributes().getScheduledEventId()));
      }
    }
    assertEquals(java.util.List.of("Curate"), cancelled, "cancel requests: " + cancelled);
    verify(tracking).finishRun(eq(7L), eq(PipelineStage.CANCELLED), anyString());
  }

  @Test
  void syntheticLabelsAreAddedBeforeTrainingWhenALabelerIsGiven(
      TestWorkflowEnvironment env, Worker worker) {
    var labelled =
        new DatasetVersionRef(12L, new ObjectRef("s3://b/labelled.jsonl", SHA, 120), 48, 11);
    when(synthetic.labelDataset(any())).thenReturn(labelled);
    var labeler = LabelerSpec.teacher(5L, 0.6);
    var request = new PipelineRequest(7L, "demo", 3L, Hyperparameters.defaults(), labeler);

    start(env, worker).run(request);

    var captor =
        org.mockito.ArgumentCaptor.forClass(
            dev.ovid.workflows.curation.SyntheticLabelingRequest.class);
    verify(synthetic).labelDataset(captor.capture());
    System.out.println("CAPTURED " + captor.getValue());
    InOrder order = inOrder(curation, synthetic, training);
    order.verify(curation).curate(any());
    order
        .verify(synthetic)
        .labelDataset(
            argThat(
                r ->
                    r.dataset().equals(DATASET)
                        && r.labeler().equals(labeler)
                        && r.split().equals("train")));
    order.verify(training).train(argThat(r -> r.dataset().equals(labelled)));
  }

  @Test
  void noLabelerMeansNoSyntheticStep(TestWorkflowEnvironment env, Worker worker) {
    start(env, worker).run(REQUEST);
    verifyNoInteractions(synthetic);
  }

  @Test
  void progressQueryReportsCurrentStage(TestWorkflowEnvironment env, Worker worker) {
    var inTraining = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    when(training.train(any()))
        .thenAnswer(
            call -> {
              inTraining.countDown();
              release.await();
              return MODEL;
            });
    TrainingPipelineWorkflow stub = start(env, worker);
    WorkflowClient.start(stub::run, REQUEST);
    try {
      inTraining.await();
      PipelineProgress progress = stub.progress();
      assertEquals(PipelineStage.TRAIN, progress.stage());
      assertTrue(progress.fraction() > 0 && progress.fraction() < 1, "fraction " + progress);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      release.countDown();
    }
    PipelineResult result = WorkflowStub.fromTyped(stub).getResult(PipelineResult.class);
    assertEquals(21L, result.modelVersionId());
    assertEquals(PipelineStage.SUCCEEDED, stub.progress().stage());
  }

  @Test
  void badInputFailsAtOnceWithoutRetry(TestWorkflowEnvironment env, Worker worker) {
    AtomicInteger attempts = new AtomicInteger();
    when(curation.curate(any()))
        .thenAnswer(
            call -> {
              attempts.incrementAndGet();
              throw new BadInputException("vocabulary 3 shares no labels with dataset demo");
            });
    TrainingPipelineWorkflow stub = start(env, worker);

    var failure = assertThrows(WorkflowFailedException.class, () -> stub.run(REQUEST));
    assertEquals(1, attempts.get());
    assertTrue(rootMessage(failure).contains("shares no labels"), rootMessage(failure));
    verify(tracking).finishRun(eq(7L), eq(PipelineStage.FAILED), contains("shares no labels"));
    verifyNoInteractions(training);
  }

  @Test
  void transientFailuresAreRetriedUntilTheServiceIsBack(
      TestWorkflowEnvironment env, Worker worker) {
    AtomicInteger attempts = new AtomicInteger();
    when(expansion.expand(any()))
        .thenAnswer(
            call -> {
              if (attempts.incrementAndGet() < 4) {
                throw new UncheckedIOException(new IOException("MinIO: connection refused"));
              }
              return LABELS;
            });
    PipelineResult result = start(env, worker).run(REQUEST);
    assertEquals(4, attempts.get());
    assertEquals(21L, result.modelVersionId());
    verify(tracking, never()).finishRun(anyLong(), eq(PipelineStage.FAILED), anyString());
  }

  private static dev.ovid.workflows.curation.CurationRequest argThatDataset() {
    return argThat(r -> r.datasetName().equals("demo") && r.vocabularyId() == 3L);
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage();
  }
}
