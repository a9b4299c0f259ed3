package dev.ovid.workflows.expansion;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Vocabulary expansion on its own: (model version, vocabulary version) → embeddings. */
@WorkflowInterface
public interface ExpansionWorkflow {
  @WorkflowMethod
  LabelEmbeddingSetRef expand(ExpandVocabularyRequest request);

  @QueryMethod
  ExpansionProgress progress();

  /** Sent by the expansion activity as it goes: labels embedded so far of how many. */
  @SignalMethod
  void labelsEmbedded(ExpansionHeartbeat progress);
}
