package dev.ovid.registry.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code require_free_port} of {@code infra/lib/common.sh}, which every service start calls before
 * it binds its port: it must agree with what a bind would do. An outgoing connection that took the
 * port as its local port blocks a listener (CI once failed that way); the closing sockets a stopped
 * server leaves behind do not, and a service restarted seconds later must not be refused. Each case
 * runs with both ways of listing a port's sockets: {@code ss}, and the kernel's {@code /proc/net}
 * tables for machines without it.
 */
class PortInUseScriptTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private record Outcome(int exit, String out) {}

  /** How {@code port_holders} lists a port's sockets: the function it is pinned to. */
  enum Probe {
    SS("port_holders_ss"),
    PROC("port_holders_proc");

    final String function;

    Probe(String function) {
      this.function = function;
    }
  }

  private static Outcome common(Probe probe, String command)
      throws IOException, InterruptedException {
    String pin = "port_holders() { " + probe.function + " \"$@\"; }; ";
    Process p =
        new ProcessBuilder(
                "bash", "-c", "source infra/lib/common.sh >/dev/null && " + pin + command)
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Outcome(p.waitFor(), out);
  }

  private static boolean portInUse(Probe probe, int port) throws IOException, InterruptedException {
    Outcome o = common(probe, "require_free_port probe " + port);
    assertTrue(
        o.exit() == 0 || o.exit() == 1, "require_free_port exited " + o.exit() + ": " + o.out());
    return o.exit() == 1;
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true); // as Vert.x, Go's net and PostgreSQL listen
    s.bind(new InetSocketAddress(LOOPBACK, port));
    return s;
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void aListenerHoldsItsPortAndAFreePortIsFree(Probe probe) throws Exception {
    int port;
    try (ServerSocket s = listen(0)) {
      port = s.getLocalPort();
      assertTrue(portInUse(probe, port));
    }
    assertFalse(portInUse(probe, port));
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void anOutgoingConnectionsLocalPortIsInUseAndCannotBeListenedOn(Probe probe) throws Exception {
    try (ServerSocket server = listen(0);
        Socket client = new Socket(LOOPBACK, server.getLocalPort());
        Socket accepted = server.accept()) {
      int local = client.getLocalPort();
      assertThrows(BindException.class, () -> listen(local).close(), "the premise");
      assertTrue(portInUse(probe, local));
      // The refusal says what holds it, so the user can tell a stray client from a server.
      Outcome refused = common(probe, "require_free_port worker " + local);
      assertEquals(1, refused.exit());
      assertTrue(
          refused.out().contains("worker: port " + local + " is taken by another program (ESTAB"),
          refused.out());
    }
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void closingSocketsOfAStoppedServerDoNotHoldItsPort(Probe probe) throws Exception {
    int port;
    // The server closes first and the client keeps its end open: the server's side waits in
    // FIN-WAIT-2, as when a service is stopped under its clients' kept-alive connections.
    try (ServerSocket server = listen(0);
        Socket client = new Socket(LOOPBACK, server.getLocalPort())) {
      port = server.getLocalPort();
      server.accept().close();
      server.close();
      assertFalse(portInUse(probe, port));
      try (ServerSocket restarted = listen(port)) {
        assertTrue(restarted.isBound(), "a restarted service binds it");
      }
    }
  }
}
