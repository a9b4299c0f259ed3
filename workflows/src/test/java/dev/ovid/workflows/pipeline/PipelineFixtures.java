package dev.ovid.workflows.pipeline;

import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.evaluation.EvaluationResult;
import dev.ovid.workflows.expansion.LabelEmbeddingsRef;
import dev.ovid.workflows.training.TrainedModelRef;

/** Small, fixed activity results for workflow tests. */
final class PipelineFixtures {
  static final String SHA = "a".repeat(64);
  static final PipelineRequest REQUEST =
      new PipelineRequest(7L, "demo", 3L, Hyperparameters.defaults(), null);
  static final DatasetVersionRef DATASET =
      new DatasetVersionRef(11L, new ObjectRef("s3://b/manifest.jsonl", SHA, 100), 48, 11);
  static final TrainedModelRef MODEL =
      new TrainedModelRef(new ObjectRef("s3://b/model.safetensors", SHA, 1000), 30, 0.5, 0);
  static final LabelEmbeddingsRef LABELS =
      new LabelEmbeddingsRef(new ObjectRef("s3://b/labels.bin", SHA, 500), 11, 1);
  static final EvaluationResult SCORES =
      new EvaluationResult(13L, 0.61, 0.55, 0.42, new ObjectRef("s3://b/report.json", SHA, 10));

  private PipelineFixtures() {}
}
