package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.common.ActivityRetries;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the shards, embeds them in parallel on the inference queue (as many at once as workers have
 * inference slots) and assembles the index. A shard's activity heartbeats per video: when a worker
 * dies, Temporal retries the shard elsewhere after the heartbeat timeout, and shards stored before
 * are returned without being embedded again.
 */
public class VideoIndexWorkflowImpl implements VideoIndexWorkflow {
  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());
  private final VideoIndexActivities index =
      Workflow.newActivityStub(
          VideoIndexActivities.class,
          ActivityRetries.on(queues.inference(), Duration.ofHours(2), Duration.ofMinutes(2)));

  private VideoIndexProgress progress =
      new VideoIndexProgress("queued", 0, 0, 0, "waiting for a worker");

  @Override
  public VideoIndexRef build(VideoIndexRequest request) {
    progress = new VideoIndexProgress("planning", 0, 0, 0, "reading the dataset manifest");
    try {
      VideoIndexPlan plan = index.plan(request);
      if (plan.existing() != null) {
        progress =
            new VideoIndexProgress(
                "done",
                plan.shardCount(),
                plan.shardCount(),
                plan.videoCount(),
                "already indexed: " + plan.videoCount() + " videos");
        return plan.existing();
      }
      progress =
          new VideoIndexProgress(
              "embedding",
              0,
              plan.shardCount(),
              plan.videoCount(),
              "embedding " + plan.videoCount() + " videos");
      List<Promise<VideoIndexShardRef>> shards = new ArrayList<>();
      for (int s = 0; s < plan.shardCount(); s++) {
        var shard =
            new VideoIndexShardRequest(
                request.modelVersionId(), request.datasetVersionId(), s, request.shardSize());
        shards.add(
            Async.function(index::embedShard, shard)
                .thenApply(
                    done -> {
                      progress =
                          new VideoIndexProgress(
                              "embedding",
                              progress.shardsDone() + 1,
                              plan.shardCount(),
                              plan.videoCount(),
                              (progress.shardsDone() + 1)
                                  + " of "
                                  + plan.shardCount()
                                  + " shards embedded");
                      return done;
                    }));
      }
      Promise.allOf(shards).get();
      List<VideoIndexShardRef> refs = new ArrayList<>();
      for (Promise<VideoIndexShardRef> shard : shards) refs.add(shard.get());
      progress =
          new VideoIndexProgress(
              "assembling",
              plan.shardCount(),
              plan.shardCount(),
              plan.videoCount(),
              "joining the shards");
      VideoIndexRef result = index.assemble(request, refs);
      progress =
          new VideoIndexProgress(
              "done",
              plan.shardCount(),
              plan.shardCount(),
              result.videoCount(),
              result.videoCount() + " videos indexed");
      return result;
    } catch (ActivityFailure failure) {
      progress =
          new VideoIndexProgress(
              "failed",
              progress.shardsDone(),
              progress.shardsTotal(),
              progress.videosTotal(),
              failure.getCause().getMessage());
      throw failure;
    }
  }

  @Override
  public VideoIndexProgress progress() {
    return progress;
  }
}
