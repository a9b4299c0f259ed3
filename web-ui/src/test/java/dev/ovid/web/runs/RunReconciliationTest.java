package dev.ovid.web.runs;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.temporal.TemporalConnection;
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
  @Inject RunReconciler reconciler;

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

    // Reading never repairs: the run stays as it was until the reconciler runs.
    assertNull(launcher.progress(runs.get(run.id)));
    assertFalse(runs.get(run.id).status.isFinal(), "a read must not write");

    reconciler.reconcileOnce();
    var after = runs.get(run.id);
    assertEquals(RunStatus.FAILED, after.status);
    assertTrue(after.message.contains("TERMINATED"), after.message);
    assertTrue(
        audit.history("run", run.id).stream().anyMatch(e -> e.actor.equals(RunReconciler.ACTOR)),
        "the reconciliation is audited");
  }
}
