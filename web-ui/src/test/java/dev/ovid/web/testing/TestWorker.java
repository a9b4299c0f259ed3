package dev.ovid.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real worker process for control-plane tests: the packaged worker application
 * (activities/target/quarkus-app) started with the test configuration and this JVM's task queues,
 * as {@code bin/ovid worker} would start it. One per set of overrides, stopped when the JVM ends.
 */
public final class TestWorker {
  private static final Map<Map<String, String>, TestWorker> RUNNING = new HashMap<>();

  private final Process process;
  private final int port;
  private final Path log;

  private TestWorker(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The worker for the default test configuration, started on first use. */
  public static TestWorker ensureRunning() {
    return ensureRunning(Map.of());
  }

  /** A worker with these configuration overrides (system properties), started on first use. */
  public static synchronized TestWorker ensureRunning(Map<String, String> overrides) {
    TestWorker worker = RUNNING.get(overrides);
    if (worker != null && worker.process.isAlive()) return worker;
    worker = start(overrides);
    RUNNING.put(Map.copyOf(overrides), worker);
    return worker;
  }

  private static TestWorker start(Map<String, String> overrides) {
    Path jar = Path.of(System.getProperty("ovid.test.worker-jar", "missing"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the worker application "
              + jar
              + " is not built: run the whole build (bin/ovid test), or first"
              + " ./mvnw -pl activities -am package -DskipTests");
    }
    int port = freePort();
    try {
      Path log = Files.createTempFile("ovid-test-worker-", ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Dquarkus.profile=test");
      command.add("-Dovid.test.run-id=" + System.getProperty("ovid.test.run-id", "local"));
      command.add("-Dquarkus.http.port=" + port);
      command.add("-Dai.djl.offline=true");
      overrides.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-jar");
      command.add(jar.toString());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("DJL_OFFLINE", "true");
      Process process = builder.start();
      TestWorker worker = new TestWorker(process, port, log);
      Runtime.getRuntime().addShutdownHook(new Thread(worker::kill));
      worker.awaitReady(Duration.ofMinutes(3));
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration limit) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the test worker exited; its log:\n" + tail());
      }
      try {
        var reply =
            http.send(
                HttpRequest.newBuilder(URI.create(healthUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(300);
    }
    kill();
    throw new IllegalStateException("the test worker was not ready in " + limit + ":\n" + tail());
  }

  public String healthUrl() {
    return "http://127.0.0.1:" + port + "/q/health/ready";
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
