package dev.ovid.workflows.videoindex;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A label preview: embeds the label on a worker and scores an index's videos (inference queue). */
@WorkflowInterface
public interface LabelPreviewWorkflow {
  @WorkflowMethod
  LabelPreviewResult preview(LabelPreviewRequest request);
}
