package dev.ovid.workflows.classification;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The near-duplicate guard: embeds draft labels on a worker and compares them (inference queue).
 */
@WorkflowInterface
public interface NearDuplicateWorkflow {
  @WorkflowMethod
  List<SimilarLabel> check(SimilarLabelsRequest request);
}
