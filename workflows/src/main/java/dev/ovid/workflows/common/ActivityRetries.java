package dev.ovid.workflows.common;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Activity options shared by Ovid's small workflows: services that are down are retried with
 * backoff; bad input and the registry's domain errors fail at once.
 */
public final class ActivityRetries {
  public static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setDoNotRetry(
              BadInputException.class.getName(),
              // Named, not imported, so workflow code stays free of persistence classes.
              "dev.ovid.registry.common.ValidationException",
              "dev.ovid.registry.common.NotFoundException",
              "dev.ovid.registry.common.ConflictException",
              "dev.ovid.registry.common.IntegrityException")
          .build();

  private ActivityRetries() {}

  public static ActivityOptions on(String queue, Duration startToClose, Duration heartbeat) {
    var builder =
        ActivityOptions.newBuilder()
            .setTaskQueue(queue)
            .setStartToCloseTimeout(startToClose)
            .setScheduleToCloseTimeout(Duration.ofHours(6))
            .setRetryOptions(RETRY);
    if (heartbeat != null) builder.setHeartbeatTimeout(heartbeat);
    return builder.build();
  }
}
