package dev.ovid.workflows.pipeline;

import static dev.ovid.workflows.pipeline.PipelineFixtures.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.*;

import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.registration.RegistrationActivities;
import dev.ovid.workflows.tracking.RunTrackingActivities;
import dev.ovid.workflows.training.TrainingActivities;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays a recorded history of a successful run against today's workflow code, so a change that
 * would break running workflows (non-determinism) fails here instead of in production.
 *
 * <p>Re-record only for an intentional, versioned change: {@code ./mvnw -pl workflows test
 * -Dtest=TrainingPipelineReplayTest -Dovid.recordHistory=true}.
 */
class TrainingPipelineReplayTest {
  private static final String HISTORY = "histories/training-pipeline-success.json";

  @Test
  void recordedHistoryReplaysOnCurrentCode() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        HISTORY, TrainingPipelineWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "ovid.recordHistory", matches = "true")
  void recordHistory() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker("replay-recording");
      worker.registerWorkflowImplementationTypes(TrainingPipelineWorkflowImpl.class);
      var tracking = mock(RunTrackingActivities.class, withSettings().withoutAnnotations());
      var curation = mock(CurationActivities.class, withSettings().withoutAnnotations());
      var training = mock(TrainingActivities.class, withSettings().withoutAnnotations());
      var expansion = mock(ExpansionActivities.class, withSettings().withoutAnnotations());
      var evaluation = mock(EvaluationActivities.class, withSettings().withoutAnnotations());
      var registration = mock(RegistrationActivities.class, withSettings().withoutAnnotations());
      when(tracking.startRun(any(), anyString())).thenReturn("mlflow-run-1");
      when(curation.curate(any())).thenReturn(DATASET);
      when(training.train(any())).thenReturn(MODEL);
      when(expansion.expand(any())).thenReturn(LABELS);
      when(evaluation.evaluate(any())).thenReturn(SCORES);
      when(registration.register(any())).thenReturn(21L);
      var queues = TaskQueues.ofWorkflowQueue("replay-recording");
      env.newWorker(queues.training()).registerActivitiesImplementations(training);
      env.newWorker(queues.cpu())
          .registerActivitiesImplementations(
              tracking, curation, expansion, evaluation, registration);
      env.start();
      var stub =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TrainingPipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("replay-recording")
                      .setWorkflowId("run-7")
                      .build());
      stub.run(REQUEST);
      String json = env.getWorkflowClient().fetchHistory("run-7").toJson(true);
      Path out = Path.of("src/test/resources", HISTORY);
      Files.createDirectories(out.getParent());
      Files.writeString(out, json);
    }
  }
}
