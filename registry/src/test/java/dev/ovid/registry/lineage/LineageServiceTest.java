package dev.ovid.registry.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.model.Evaluation;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewEvaluation;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LineageServiceTest {
  @Inject LineageService lineage;
  @Inject RunRegistry runs;
  @Inject DatasetRegistry datasets;
  @Inject VocabularyService vocabularies;

  @Test
  void readsBackAWholeRunById() {
    String suffix = UUID.randomUUID().toString();
    String vocab = "vocab-" + suffix;
    vocabularies.create(vocab, null, "alice");
    vocabularies.addLabel(vocab, "cat", "alice");
    String dataset = "demo-" + suffix;
    TrainingRun run =
        runs.create(new NewRun(dataset, null, vocab, Map.of("lr", 0.01), "wf-" + suffix), "alice");
    runs.attachMlflowRun(run.id, "mlflow-" + suffix.substring(0, 8), "worker");

    String manifestSha = Sha256.of(suffix.getBytes(StandardCharsets.UTF_8));
    DatasetVersion dv =
        datasets.register(
            new NewDatasetVersion(
                dataset, "s3://ovid-artifacts/m.json", manifestSha, 10, 3, "demo", null, null),
            "worker");
    runs.attachDatasetVersion(run.id, dv.id, "worker");
    runs.attachDatasetVersion(run.id, dv.id, "worker");

    Evaluation eval =
        runs.recordEvaluation(
            run.id, new NewEvaluation(dv.id, null, 0.61, 0.55, 0.4, "s3://r"), "worker");
    assertEquals(
        eval.id,
        runs.recordEvaluation(
                run.id, new NewEvaluation(dv.id, null, 0.61, 0.55, 0.4, "s3://r"), "worker")
            .id);
    String ckptSha = Sha256.of(("ckpt" + suffix).getBytes(StandardCharsets.UTF_8));
    NewModelVersion model =
        new NewModelVersion(
            "ovid-test-" + suffix, "s3://ovid-artifacts/ckpt", ckptSha, "s3://emb", null, null);
    ModelVersion mv = runs.recordModelVersion(run.id, model, "worker");
    assertEquals(mv.id, runs.recordModelVersion(run.id, model, "worker").id);
    vocabularies.addLabel(vocab, "dog", "bob");
    runs.updateStatus(run.id, RunStatus.SUCCEEDED, "done", "worker");

    RunLineage l = lineage.lineageOf(run.id);

    assertEquals(RunStatus.SUCCEEDED, l.run().status());
    assertEquals(Map.of("lr", 0.01), l.run().hyperparameters());
    assertEquals("wf-" + suffix, l.workflowId());
    assertEquals("mlflow-" + suffix.substring(0, 8), l.mlflowRunId());
    assertEquals(dv.id, l.dataset().versionId());
    assertEquals(manifestSha, l.dataset().manifestSha256());
    assertEquals(1, l.vocabulary().versionAtLaunch());
    assertEquals(
        List.of("cat"),
        l.vocabulary().labels().stream().map(x -> x.name()).toList(),
        "the exact label set the run trained on, not today's draft");
    assertEquals(64, l.vocabulary().sha256().length());
    assertEquals(3, l.vocabulary().currentVersion());
    assertEquals(2, l.vocabulary().currentLabelCount());
    assertEquals(
        1,
        l.vocabulary().latestPublishedVersion(),
        "the draft changed after launch, but nothing new was published");
    assertEquals(1, l.models().size());
    assertEquals(1, l.models().get(0).version());
    assertEquals(ckptSha, l.models().get(0).checkpointSha256());
    assertEquals("mlflow-" + suffix.substring(0, 8), l.models().get(0).mlflowRunId());
    assertEquals(List.of(eval.id), l.evaluations().stream().map(e -> e.id()).toList());
    assertEquals(
        mv.id, l.evaluations().get(0).modelVersionId(), "registration links the evaluation");
  }

  @Test
  void aRunWithoutCurationHasOnlyItsDatasetName() {
    String vocab = "vocab-" + UUID.randomUUID();
    vocabularies.create(vocab, null, "alice");
    vocabularies.addLabel(vocab, "cat", "alice");
    TrainingRun run = runs.create(new NewRun("demo", null, vocab, null, null), "alice");
    RunLineage l = lineage.lineageOf(run.id);
    assertEquals("demo", l.dataset().name());
    assertNull(l.dataset().versionId());
    assertEquals(List.of(), l.models());
    assertThrows(NotFoundException.class, () -> lineage.lineageOf(-1));
  }
}
