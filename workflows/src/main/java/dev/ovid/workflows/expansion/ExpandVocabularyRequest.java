package dev.ovid.workflows.expansion;

/** Embed every label of a published vocabulary version with a registered model version. */
public record ExpandVocabularyRequest(long modelVersionId, long vocabularyVersionId, String actor) {

  /**
   * One workflow per pair and installation (named from its task-queue base): starting it twice
   * finds the first (idempotent).
   */
  public String workflowId(String queueBase) {
    return queueBase + "-expand-m" + modelVersionId + "-v" + vocabularyVersionId;
  }
}
