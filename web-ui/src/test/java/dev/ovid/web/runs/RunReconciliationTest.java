package dev.ovid.web.runs;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.web.temporal.TemporalConnection;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A run whose workflow is terminated from outside Ovid does not stay RUNNING. */
@QuarkusTest
class RunReconciliationTest {
  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject TemporalConnection temporal;
  @Inject AuditLog audit;

  @Test
  void aTerminatedWorkflowMarksItsRunFailed() {
    long vocabulary = seeder.ensureDemoVocabulary().id;
    var run =
        launcher.launch(
            new LaunchRequest("demo", vocabulary, Hyperparameters.defaults(), null), "reconcile");
    temporal
        .client()
        .newUntypedWorkflowStub(run.workflowId)
        .terminate("operator stopped it in the Temporal UI");

    assertNull(launcher.progress(runs.get(run.id)));

    var after = runs.get(run.id);
    assertEquals(RunStatus.FAILED, after.status);
    assertTrue(after.message.contains("TERMINATED"), after.message);
    assertTrue(
        audit.history("run", run.id).stream().anyMatch(e -> e.actor.equals(RunLauncher.RECONCILER)),
        "the reconciliation is audited");
  }
}
