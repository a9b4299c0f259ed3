package dev.ovid.web.temporal;

import dev.ovid.registry.temporal.TemporalSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.temporal.testserver.TestServer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Temporal's in-process Java server, started by the control plane when no Temporal server is
 * configured ({@code ovid.temporal.target=embedded}) so a try-out needs nothing else; workers
 * connect to it on {@code ovid.temporal.embedded-port}. It keeps nothing across restarts, lacks
 * Schedules and visibility queries, and binds every interface: never for production.
 */
@ApplicationScoped
public class EmbeddedTemporalServer {
  private static final Logger LOG = Logger.getLogger(EmbeddedTemporalServer.class);

  @Inject TemporalSettings settings;
  private TestServer.PortBoundTestServer server;

  // Before any other start-up observer, so nothing dials the port before it listens.
  void onStart(@Observes @Priority(1) StartupEvent event) {
    if (!settings.embedded()) return;
    server = TestServer.createPortBoundServer(settings.embeddedPort(), false);
    LOG.warnf(
        "*** EMBEDDED TEMPORAL on port %d: workflows are NOT durable and are lost when this"
            + " process stops. Start infra/ovid-services and set"
            + " OVID_TEMPORAL_TARGET=127.0.0.1:62233 for durable runs. ***",
        settings.embeddedPort());
  }

  void onStop(@Observes ShutdownEvent event) {
    if (server != null) server.close();
  }
}
