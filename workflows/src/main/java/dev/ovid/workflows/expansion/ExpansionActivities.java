package dev.ovid.workflows.expansion;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ExpansionActivities {
  /** Embeds a training run's vocabulary during the pipeline. */
  LabelEmbeddingsRef expand(ExpansionRequest request);

  /**
   * Embeds a published vocabulary version with a registered model version, content-addressed and
   * recorded once per pair (a second call returns the first result).
   */
  LabelEmbeddingSetRef expandVersion(ExpandVocabularyRequest request);
}
