package dev.ovid.web.runs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.temporal.TemporalSettings;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** When Temporal cannot be asked, progress says why instead of pretending there is none. */
class RunProgressWhenTemporalIsDownTest {

  @Test
  void progressOfARunningRunNamesTheUnreachableServer() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String target = "127.0.0.1:" + closed;
    RunLauncher launcher = new RunLauncher();
    launcher.temporal = new TemporalConnection(settings(target));
    TrainingRun run = new TrainingRun();
    run.id = 7L;
    run.status = RunStatus.RUNNING;
    run.workflowId = "ovid-run-7";

    var e = assertThrows(ServiceUnavailableException.class, () -> launcher.progress(run));
    assertTrue(e.getMessage().contains("ovid-run-7"), e.getMessage());
  }

  private static TemporalSettings settings(String target) {
    return new TemporalSettings() {
      public String target() {
        return target;
      }

      public int embeddedPort() {
        return 0;
      }

      public String namespace() {
        return "default";
      }

      public String taskQueue() {
        return "down-test";
      }

      public String uiUrl() {
        return "http://127.0.0.1:1";
      }
    };
  }
}
