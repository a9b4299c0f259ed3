package dev.ovid.activities.testing;

import dev.ovid.registry.dataset.demo.DemoVocabulary;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/**
 * Starts demo pipelines the way the control plane does (a run row, then its workflow on the
 * workflows queue), so worker tests need no web app; and waits for runs to get somewhere.
 */
@ApplicationScoped
public class TestPipelines {
  @Inject RunRegistry runs;
  @Inject DemoVocabulary demo;
  @Inject TemporalConnection temporal;

  public TrainingRun launchDemo(Hyperparameters hp, String user) {
    var vocabulary = demo.ensure();
    TrainingRun run =
        runs.create(new NewRun("demo", null, vocabulary.name, hp.asMap(), null), user);
    // Unique: run ids restart with a fresh test database, while the shared Temporal server still
    // remembers workflows (e.g. ones a web test started on a queue no worker polls).
    String workflowId =
        "ovid-run-" + run.id + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    TrainingPipelineWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                TrainingPipelineWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .build());
    WorkflowClient.start(
        workflow::run, new PipelineRequest(run.id, "demo", vocabulary.id, hp, null));
    return runs.attachWorkflow(run.id, workflowId, user);
  }

  public TrainingRun await(long runId, Predicate<TrainingRun> condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    TrainingRun run = runs.get(runId);
    while (!condition.test(run)) {
      if (System.nanoTime() > deadline) {
        Assertions.fail(
            "run "
                + runId
                + " did not get there in "
                + limit
                + "; now "
                + run.status
                + " "
                + run.stage
                + " "
                + run.message);
      }
      if (run.status.isFinal()) {
        Assertions.fail("run " + runId + " ended " + run.status + ": " + run.message);
      }
      sleep(300);
      run = runs.get(runId);
    }
    return run;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
