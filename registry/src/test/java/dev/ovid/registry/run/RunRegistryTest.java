package dev.ovid.registry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunRegistryTest {
  @Inject RunRegistry runs;
  @Inject VocabularyService vocabularies;
  @Inject AuditLog audit;

  private String vocabulary() {
    String name = "vocab-" + UUID.randomUUID();
    vocabularies.create(name, null, "alice");
    vocabularies.addLabel(name, "dog", "alice");
    return name;
  }

  @Test
  void createsQueuedRunsThatRecordTheVocabularyVersion() {
    String vocab = vocabulary();
    TrainingRun run =
        runs.create(
            new NewRun("demo", null, vocab, Map.of("lr", 0.001, "steps", 20), null), "alice");
    assertEquals(RunStatus.QUEUED, run.status);
    assertEquals(1, run.vocabularyVersion, "the first run publishes the never-published draft");
    assertEquals(1, run.publishedVocabulary.labelCount);
    assertEquals(Map.of("lr", 0.001, "steps", 20), runs.hyperparameters(run.id));
    assertEquals("run.created", audit.history("run", run.id).get(0).action);
  }

  @Test
  void refusesUnknownVocabulariesAndDatasetVersionsAndCreatesNothing() {
    long before = TrainingRunCount.count();
    assertThrows(
        NotFoundException.class,
        () ->
            runs.create(
                new NewRun("demo", null, "nope-" + UUID.randomUUID(), Map.of(), null), "a"));
    assertThrows(
        NotFoundException.class,
        () ->
            runs.create(
                new NewRun("demo-" + UUID.randomUUID(), 1, vocabulary(), Map.of(), null), "a"));
    assertEquals(before, TrainingRunCount.count());
  }

  @Test
  void followsTheLifeCycleAndRefusesChangesAfterTheEnd() {
    TrainingRun run = runs.create(new NewRun("demo", null, vocabulary(), Map.of(), null), "alice");
    String workflowId = "wf-" + UUID.randomUUID();
    runs.attachWorkflow(run.id, workflowId, "system");
    runs.attachWorkflow(run.id, workflowId, "system");
    assertThrows(ConflictException.class, () -> runs.attachWorkflow(run.id, "other", "system"));
    assertEquals(run.id, runs.findByWorkflowId(workflowId).id);

    TrainingRun training = runs.updateProgress(run.id, "train", 0.4, "step 8", 8L, 0.7, "worker");
    assertEquals(RunStatus.RUNNING, training.status);
    assertThrows(
        ValidationException.class,
        () -> runs.updateProgress(run.id, "train", 1.5, null, null, null, "worker"));

    TrainingRun done = runs.updateStatus(run.id, RunStatus.SUCCEEDED, "ok", "worker");
    assertEquals(1.0, done.progress);
    assertNotNull(done.finishedAt);
    assertEquals(
        RunStatus.SUCCEEDED, runs.updateStatus(run.id, RunStatus.SUCCEEDED, "ok", "w").status);
    assertThrows(
        ConflictException.class, () -> runs.updateStatus(run.id, RunStatus.FAILED, "x", "w"));
    assertThrows(
        ConflictException.class,
        () -> runs.updateProgress(run.id, "train", 0.5, null, null, null, "w"));
    assertEquals(
        List.of("run.created", "run.workflow-attached", "run.started", "run.status-changed"),
        audit.history("run", run.id).stream().map(e -> e.action).toList());
  }

  @Test
  void lossCurveKeepsOneValuePerStepWhenStepsAreResent() {
    TrainingRun run = runs.create(new NewRun("demo", null, vocabulary(), Map.of(), null), "alice");
    runs.recordLoss(
        run.id,
        List.of(new LossSample(1, 0.9), new LossSample(2, 0.8), new LossSample(3, 0.75)),
        "w");
    // Resumed from the checkpoint at step 2: steps 3 and 4 arrive (again).
    runs.recordLoss(run.id, List.of(new LossSample(3, 0.7), new LossSample(4, 0.6)), "w");
    assertEquals(
        List.of(
            new LossSample(1, 0.9),
            new LossSample(2, 0.8),
            new LossSample(3, 0.7),
            new LossSample(4, 0.6)),
        runs.lossCurve(run.id));
    TrainingRun now = runs.get(run.id);
    assertEquals(4L, now.lastStep);
    assertEquals(0.6, now.lastLoss);
  }

  @Test
  void listsRecentRunsNewestFirst() {
    String vocab = vocabulary();
    TrainingRun older = runs.create(new NewRun("demo", null, vocab, Map.of(), null), "alice");
    TrainingRun newer = runs.create(new NewRun("demo", null, vocab, Map.of(), null), "alice");
    List<TrainingRun> recent = runs.listRecent(2);
    assertEquals(List.of(newer.id, older.id), recent.stream().map(r -> r.id).toList());
  }

  /** Counts rows in a transaction of its own. */
  static final class TrainingRunCount {
    static long count() {
      return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
          .call(() -> TrainingRun.count());
    }
  }
}
