package dev.ovid.web.health;

import dev.ovid.registry.temporal.TemporalConnection;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which workers poll Ovid's task queues, as Temporal sees them (pollers seen in the last 90 s). The
 * control plane stays up without workers: this check reports them, it never fails the app's
 * readiness; its data says which queues have nobody polling.
 */
@Readiness
@ApplicationScoped
public class WorkersHealthCheck implements HealthCheck {
  private static final long RECENT_SECONDS = 90;

  @Inject TemporalConnection temporal;

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("workers")
            .up()
            .withData("endpoint", temporal.settings().dialTarget());
    var queues = temporal.settings().queues();
    List<String> idle = new ArrayList<>();
    try {
      for (var queue :
          Map.of(
                  queues.workflows(), TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
                  queues.training(), TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
                  queues.cpu(), TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)
              .entrySet()) {
        List<String> pollers = pollers(queue.getKey(), queue.getValue());
        response.withData(queue.getKey(), pollers.isEmpty() ? "none" : String.join(", ", pollers));
        if (pollers.isEmpty()) idle.add(queue.getKey());
      }
    } catch (RuntimeException e) {
      return response.withData("error", "cannot ask Temporal: " + e.getMessage()).build();
    }
    response.withData("queues without a worker", idle.isEmpty() ? "none" : String.join(", ", idle));
    return response.build();
  }

  /** Poller identities (pid@host) seen on a queue. */
  public List<String> pollers(String queue, TaskQueueType type) {
    var reply =
        temporal
            .stubs()
            .blockingStub()
            .withDeadlineAfter(3, TimeUnit.SECONDS)
            .describeTaskQueue(
                DescribeTaskQueueRequest.newBuilder()
                    .setNamespace(temporal.settings().namespace())
                    .setTaskQueue(TaskQueue.newBuilder().setName(queue).build())
                    .setTaskQueueType(type)
                    .build());
    // Temporal lists a poller for minutes after it is gone; a live one polls at least every ~70 s.
    long cutoff = System.currentTimeMillis() / 1000 - RECENT_SECONDS;
    Map<String, Boolean> identities = new LinkedHashMap<>();
    reply.getPollersList().stream()
        .filter(p -> p.getLastAccessTime().getSeconds() >= cutoff)
        .forEach(p -> identities.put(p.getIdentity(), true));
    return List.copyOf(identities.keySet());
  }
}
