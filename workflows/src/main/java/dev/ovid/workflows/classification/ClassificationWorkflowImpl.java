package dev.ovid.workflows.classification;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.expansion.ExpandVocabularyRequest;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.expansion.LabelEmbeddingSetRef;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class ClassificationWorkflowImpl implements ClassificationWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final ExpansionActivities expansion =
      Workflow.newActivityStub(
          ExpansionActivities.class,
          ActivityRetries.on(queues.cpu(), Duration.ofHours(1), Duration.ofMinutes(2)));
  private final InferenceActivities inference =
      Workflow.newActivityStub(
          InferenceActivities.class,
          ActivityRetries.on(queues.inference(), Duration.ofMinutes(10), null));

  @Override
  public ClassificationResult classify(ClassificationRequest request) {
    long start = Workflow.currentTimeMillis();
    // Idempotent: returns the recorded embeddings when the pair was expanded before.
    LabelEmbeddingSetRef labels =
        expansion.expandVersion(
            new ExpandVocabularyRequest(
                request.modelVersionId(), request.vocabularyVersionId(), request.actor()));
    long expansionMs = Workflow.currentTimeMillis() - start;
    ClassificationResult scored =
        inference.scoreVideo(
            new VideoScoringRequest(
                request.video(), request.modelVersionId(), labels, request.top()));
    var t = scored.timings();
    return new ClassificationResult(
        scored.modelVersionId(),
        request.vocabularyVersionId(),
        scored.threshold(),
        scored.labelCount(),
        scored.labels(),
        labels.created(),
        new ClassificationResult.Timings(
            expansionMs, t.downloadMs(), t.decodeMs(), t.encodeMs(), t.scoreMs()));
  }
}
