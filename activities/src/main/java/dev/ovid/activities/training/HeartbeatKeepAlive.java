package dev.ovid.activities.training;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Heartbeats a long activity on a timer, so that one slow step (a paper-size model on a CPU, a
 * model loading, a busy machine) never outlasts the heartbeat timeout and makes Temporal retry a
 * training that is still running. The details are whatever the activity reported last. Cancellation
 * is not decided here: the activity's own next heartbeat throws it.
 */
final class HeartbeatKeepAlive implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HeartbeatKeepAlive.class);

  private final ScheduledExecutorService timer;

  HeartbeatKeepAlive(ActivityExecutionContext context, Duration every, Supplier<?> details) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ovid-heartbeat-keepalive");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(() -> beat(context, details), ms, ms, TimeUnit.MILLISECONDS);
  }

  private void beat(ActivityExecutionContext context, Supplier<?> details) {
    try {
      context.heartbeat(details.get());
    } catch (ActivityCompletionException ended) {
      // Cancelled, timed out or finished: the activity thread learns it at its next heartbeat.
      timer.shutdown();
    } catch (RuntimeException e) {
      LOG.debugf(e, "keep-alive heartbeat failed; the next one retries");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
