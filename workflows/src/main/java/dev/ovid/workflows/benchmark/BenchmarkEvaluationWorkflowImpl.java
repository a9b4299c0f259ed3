package dev.ovid.workflows.benchmark;

import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class BenchmarkEvaluationWorkflowImpl implements BenchmarkEvaluationWorkflow {
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(20)
          .setDoNotRetry(
              BadInputException.class.getName(),
              "dev.ovid.registry.common.ValidationException",
              "dev.ovid.registry.common.NotFoundException",
              "dev.ovid.registry.common.IntegrityException")
          .build();

  private final TaskQueues queues = TaskQueues.ofWorkflowQueue(Workflow.getInfo().getTaskQueue());

  private final BenchmarkActivities activities =
      Workflow.newActivityStub(
          BenchmarkActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(queues.cpu())
              .setStartToCloseTimeout(Duration.ofHours(6))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setRetryOptions(RETRY)
              .build());

  @Override
  public BenchmarkSuiteResult evaluate(BenchmarkSuiteRequest request) {
    String mlflowRunId = null;
    try {
      mlflowRunId = activities.startTracking(request);
      List<BenchmarkScores> scores = new ArrayList<>();
      for (int i = 0; i < request.benchmarks().size(); i++) {
        scores.add(activities.score(request, i));
      }
      return activities.calibrate(request, mlflowRunId, scores);
    } catch (ActivityFailure e) {
      String message =
          e.getCause() != null && e.getCause().getMessage() != null
              ? e.getCause().getMessage()
              : e.getMessage();
      activities.fail(request.evaluationId(), mlflowRunId, message);
      throw e;
    }
  }
}
