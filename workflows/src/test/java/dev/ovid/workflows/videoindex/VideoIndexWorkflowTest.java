package dev.ovid.workflows.videoindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shards run on the inference queue, progress counts them, and a recorded index skips all work. */
class VideoIndexWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(VideoIndexWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final VideoIndexActivities activities =
      mock(VideoIndexActivities.class, withSettings().withoutAnnotations());
  private static final VideoIndexRequest REQUEST = new VideoIndexRequest(3, 7, 10, "mlops");
  private static final VideoIndexRef INDEX =
      new VideoIndexRef(11, 3, 7, new ObjectRef("s3://b/video-index/x.ovidvix", "x", 0), 25, true);

  private VideoIndexWorkflow start(TestWorkflowEnvironment env, Worker worker) {
    env.newWorker(TaskQueues.ofWorkflowQueue(worker.getTaskQueue()).inference())
        .registerActivitiesImplementations(activities);
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            VideoIndexWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());
  }

  @Test
  void embedsEveryShardOnTheInferenceQueueThenAssembles(
      TestWorkflowEnvironment env, Worker worker) {
    when(activities.plan(REQUEST)).thenReturn(new VideoIndexPlan(25, 3, null));
    AtomicInteger calls = new AtomicInteger();
    when(activities.embedShard(any()))
        .thenAnswer(
            i -> {
              calls.incrementAndGet();
              VideoIndexShardRequest r = i.getArgument(0);
              return new VideoIndexShardRef(
                  r.shard(), new ObjectRef("s3://b/s" + r.shard(), "s" + r.shard(), 0), 10, true);
            });
    when(activities.assemble(any(), anyList())).thenReturn(INDEX);
    VideoIndexWorkflow workflow = start(env, worker);

    VideoIndexRef result = workflow.build(REQUEST);

    assertEquals(INDEX, result);
    assertEquals(3, calls.get());
    verify(activities)
        .assemble(
            org.mockito.ArgumentMatchers.eq(REQUEST),
            org.mockito.ArgumentMatchers.argThat(
                (List<VideoIndexShardRef> s) ->
                    s.stream().map(VideoIndexShardRef::shard).toList().equals(List.of(0, 1, 2))));
    VideoIndexProgress progress =
        WorkflowStub.fromTyped(workflow).query("progress", VideoIndexProgress.class);
    assertEquals("done", progress.state());
    assertEquals(3, progress.shardsDone());
    assertEquals(3, progress.shardsTotal());
    assertEquals(1.0, progress.fraction());
  }

  @Test
  void aRecordedIndexIsReturnedWithoutEmbedding(TestWorkflowEnvironment env, Worker worker) {
    VideoIndexRef recorded =
        new VideoIndexRef(11, 3, 7, new ObjectRef("s3://b/i", "i", 0), 25, false);
    when(activities.plan(REQUEST)).thenReturn(new VideoIndexPlan(25, 3, recorded));
    VideoIndexWorkflow workflow = start(env, worker);

    assertEquals(recorded, workflow.build(REQUEST));
    verify(activities, never()).embedShard(any());
    verify(activities, never()).assemble(any(), anyList());
    verify(activities, times(1)).plan(REQUEST);
  }
}
