package dev.ovid.web.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The process's one connection to Temporal: a real server when {@code ovid.temporal.target} names
 * one, otherwise Temporal's in-process Java server, which keeps nothing across restarts.
 */
@ApplicationScoped
public class TemporalConnection {
  private static final Logger LOG = Logger.getLogger(TemporalConnection.class);

  private final TemporalSettings settings;
  private TestServer.InProcessTestServer embeddedServer;
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
      LOG.warn(
          "\n*** EMBEDDED TEMPORAL: no ovid.temporal.target is configured, so Ovid runs Temporal's"
              + " in-process Java server.\n*** Workflows are NOT durable: they are lost when this"
              + " process stops. Start infra/ovid-services and set"
              + " OVID_TEMPORAL_TARGET=127.0.0.1:57233 for durable runs. ***");
      embeddedServer = TestServer.createServer(false);
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setChannel(embeddedServer.getChannel())
                  .build());
    } else {
      LOG.infof("Temporal server at %s, namespace %s", settings.target(), settings.namespace());
      // Lazy connection: the app starts even while Temporal is down, and health says so.
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setTarget(settings.target())
                  .setRpcTimeout(Duration.ofSeconds(10))
                  .build());
    }
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
    if (embeddedServer != null) embeddedServer.close();
  }
}
