package dev.ovid.workflows.videoindex;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Classifies a dataset version: expands the vocabulary (cpu queue), builds the video index when
 * there is none yet (child workflow), then scores the index (inference queue).
 */
@WorkflowInterface
public interface BatchClassificationWorkflow {
  @WorkflowMethod
  BatchClassificationRef classify(BatchClassificationRequest request);

  /** queued, expanding, indexing, scoring, done or failed, with a message. */
  @QueryMethod
  String progress();
}
