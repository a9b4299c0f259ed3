package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import dev.ovid.workflows.expansion.ExpandVocabularyRequest;
import dev.ovid.workflows.expansion.ExpansionActivities;
import dev.ovid.workflows.expansion.LabelEmbeddingSetRef;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class BatchClassificationWorkflowImpl implements BatchClassificationWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final ExpansionActivities expansion =
      Workflow.newActivityStub(
          ExpansionActivities.class,
          ActivityRetries.on(queues.cpu(), Duration.ofHours(1), Duration.ofMinutes(2)));
  private final VideoIndexActivities index =
      Workflow.newActivityStub(
          VideoIndexActivities.class,
          ActivityRetries.on(queues.inference(), Duration.ofHours(1), null));

  private String progress = "queued";

  @Override
  public BatchClassificationRef classify(BatchClassificationRequest request) {
    try {
      progress = "expanding the vocabulary";
      LabelEmbeddingSetRef labels =
          expansion.expandVersion(
              new ExpandVocabularyRequest(
                  request.modelVersionId(), request.vocabularyVersionId(), request.actor()));
      progress = "indexing the videos";
      VideoIndexRequest indexRequest =
          new VideoIndexRequest(
              request.modelVersionId(),
              request.datasetVersionId(),
              request.shardSize(),
              request.actor());
      VideoIndexPlan plan = index.plan(indexRequest);
      VideoIndexRef videos = plan.existing();
      if (videos == null) {
        // A child of its own id: an index build started from the UI may run beside it; both
        // record the same shards and the same index once.
        videos =
            Workflow.newChildWorkflowStub(
                    VideoIndexWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-index")
                        .build())
                .build(indexRequest);
      }
      progress = "scoring " + videos.videoCount() + " videos";
      BatchClassificationRef result =
          index.classifyIndex(request, new IndexedLabels(videos, labels));
      progress = "done: " + result.videoCount() + " videos classified";
      return result;
    } catch (ActivityFailure | ChildWorkflowFailure failure) {
      progress = "failed: " + failure.getCause().getMessage();
      throw failure;
    }
  }

  @Override
  public String progress() {
    return progress;
  }
}
