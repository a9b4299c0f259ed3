package dev.ovid.registry.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The process's one gRPC connection to Temporal: the configured server, or the control plane's
 * embedded server (which keeps nothing across restarts). Connects lazily, so a process starts while
 * Temporal is down and its health says so.
 */
@ApplicationScoped
public class TemporalConnection {
  private static final Logger LOG = Logger.getLogger(TemporalConnection.class);

  private final TemporalSettings settings;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;

  @Inject
  public TemporalConnection(TemporalSettings settings) {
    this.settings = settings;
  }

  public synchronized WorkflowClient client() {
    if (client == null) {
      client =
          WorkflowClient.newInstance(
              stubs(),
              WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
    }
    return client;
  }

  public synchronized WorkflowServiceStubs stubs() {
    if (stubs != null) return stubs;
    if (settings.embedded()) {
      LOG.warnf(
          "*** EMBEDDED TEMPORAL at %s: workflows are NOT durable (lost when the control plane"
              + " stops). Set OVID_TEMPORAL_TARGET=127.0.0.1:62233 (bin/ovid up does) for durable"
              + " runs. ***",
          settings.dialTarget());
    } else {
      LOG.infof("Temporal server at %s, namespace %s", settings.target(), settings.namespace());
    }
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(settings.dialTarget())
                .setRpcTimeout(Duration.ofSeconds(10))
                // A query needs a worker to answer it: when none polls, fail fast rather than
                // hold a UI or API request.
                .setRpcQueryTimeout(Duration.ofSeconds(3))
                .build());
    return stubs;
  }

  public boolean embedded() {
    return settings.embedded();
  }

  public TemporalSettings settings() {
    return settings;
  }

  /** Null when the server answers; otherwise why not, in one line. */
  public String problem() {
    try {
      stubs()
          .blockingStub()
          .withDeadlineAfter(3, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return null;
    } catch (RuntimeException e) {
      String message = e.getMessage();
      return (settings.embedded() ? "embedded server: " : settings.target() + ": ")
          + (message == null ? e.getClass().getSimpleName() : message);
    }
  }

  @PreDestroy
  synchronized void close() {
    if (stubs != null) {
      stubs.shutdown();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
