package dev.ovid.workflows.videoindex;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Builds the video embedding index of (model version, dataset version), shard by shard. */
@WorkflowInterface
public interface VideoIndexWorkflow {
  @WorkflowMethod
  VideoIndexRef build(VideoIndexRequest request);

  @QueryMethod
  VideoIndexProgress progress();
}
