package dev.ovid.registry.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.ObjectStoreConfig;
import dev.ovid.registry.tracking.MlflowConfig;
import dev.ovid.registry.tracking.MlflowTracker;
import java.io.IOException;
import java.net.ServerSocket;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A service that is down shows as DOWN with its endpoint and a one-line error. */
class DownServiceHealthTest {

  /** A loopback port that nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void assertDownWithEndpoint(HealthCheckResponse response, String endpoint) {
    assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    var data = response.getData().orElseThrow();
    assertTrue(String.valueOf(data.get("endpoint")).startsWith(endpoint), data.toString());
    String error = String.valueOf(data.get("error"));
    assertTrue(error.contains(endpoint.replace("http://", "")), error);
    assertFalse(error.contains("\n"), error);
    assertFalse(error.contains("\tat "), error);
  }

  @Test
  void minioDownNamesTheEndpoint() throws Exception {
    String endpoint = "http://127.0.0.1:" + closedPort();
    try (ObjectStore store =
        new ObjectStore(
            new ObjectStoreConfig(
                endpoint, "ovid", "ovid-secret-key", "ovid-artifacts", "us-east-1"))) {
      MinioHealthCheck check = new MinioHealthCheck();
      check.objectStore = store;
      assertDownWithEndpoint(check.call(), endpoint);
    }
  }

  @Test
  void mlflowDownNamesTheEndpoint() throws Exception {
    String endpoint = "http://127.0.0.1:" + closedPort();
    try (ObjectStore store =
            new ObjectStore(
                new ObjectStoreConfig(endpoint, "ovid", "secret", "unused", "us-east-1"));
        MlflowTracker tracker = new MlflowTracker(new MlflowConfig(endpoint, "ovid"), store)) {
      MlflowHealthCheck check = new MlflowHealthCheck();
      check.tracker = tracker;
      assertDownWithEndpoint(check.call(), endpoint);
    }
  }

  @Test
  void oneLineKeepsTheRootCause() {
    var e =
        new IllegalStateException(
            "cannot connect", new java.net.ConnectException("Connection refused"));
    String line = HealthErrors.oneLine(e);
    assertTrue(line.contains("cannot connect") && line.contains("Connection refused"), line);
  }
}
