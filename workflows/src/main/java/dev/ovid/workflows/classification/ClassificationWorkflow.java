package dev.ovid.workflows.classification;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Classifies one video: expands the vocabulary version for the model when it has not been yet (cpu
 * queue), then embeds and scores the video (inference queue).
 */
@WorkflowInterface
public interface ClassificationWorkflow {
  @WorkflowMethod
  ClassificationResult classify(ClassificationRequest request);
}
