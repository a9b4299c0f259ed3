package dev.ovid.activities.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A step longer than the heartbeat timeout: without the keep-alive Temporal times the activity out
 * (and would retry a training that is still running); with it the activity completes.
 */
class HeartbeatKeepAliveTest {
  private static final String QUEUE = "keep-alive-test";

  @ActivityInterface
  public interface SlowStep {
    String run(boolean keepAlive);
  }

  @WorkflowInterface
  public interface OneSlowStep {
    @WorkflowMethod
    String run(boolean keepAlive);
  }

  public static class SlowStepImpl implements SlowStep {
    @Override
    public String run(boolean keepAlive) {
      var context = Activity.getExecutionContext();
      context.heartbeat("started");
      if (!keepAlive) {
        sleep(5_000);
        return "done";
      }
      try (var beat = new HeartbeatKeepAlive(context, Duration.ofMillis(300), () -> "step 1")) {
        sleep(5_000);
      }
      return "done";
    }
  }

  public static class OneSlowStepImpl implements OneSlowStep {
    @Override
    public String run(boolean keepAlive) {
      return Workflow.newActivityStub(
              SlowStep.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(1))
                  .setHeartbeatTimeout(Duration.ofSeconds(2))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build())
          .run(keepAlive);
    }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(OneSlowStepImpl.class);
    worker.registerActivitiesImplementations(new SlowStepImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private String run(boolean keepAlive) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            OneSlowStep.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .run(keepAlive);
  }

  @Test
  void aStepLongerThanTheHeartbeatTimeoutCompletesWithTheKeepAlive() {
    assertEquals("done", run(true));
  }

  @Test
  void withoutItTheSameStepTimesOut() {
    assertThrows(WorkflowFailedException.class, () -> run(false));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
