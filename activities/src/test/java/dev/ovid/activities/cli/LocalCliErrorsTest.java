package dev.ovid.activities.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How local commands report what went wrong: settings in one line, bugs with their trace. */
class LocalCliErrorsTest {

  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    private final RuntimeException error;

    Fails(RuntimeException error) {
      this.error = error;
    }

    @Override
    public Integer call() {
      throw error;
    }
  }

  private static String[] run(RuntimeException error) {
    StringWriter err = new StringWriter();
    CommandLine cmd =
        new CommandLine(new Fails(error))
            .setErr(new PrintWriter(err, true))
            .setExecutionExceptionHandler(LocalCli::reportError);
    int code = cmd.execute();
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void aWrongSettingIsOneLineAndExitCode2() {
    String[] out = run(new IllegalStateException("CUDA was requested but libtorch sees no GPU"));
    assertEquals("2", out[0]);
    assertEquals("error: CUDA was requested but libtorch sees no GPU", out[1].trim());
    assertEquals("2", run(new IllegalArgumentException("unknown size 'huge'"))[0]);
  }

  @Test
  void aBugKeepsItsStackTraceAndExitCode1() {
    String[] out = run(new NullPointerException("boom"));
    assertEquals("1", out[0]);
    assertTrue(out[1].contains("NullPointerException: boom"), out[1]);
    assertTrue(out[1].contains("\tat "), "stack trace printed");
    assertFalse(out[1].startsWith("error:"));
  }

  @Test
  void mainUsesTheHandler() throws Exception {
    CommandLine cmd = LocalCli.commandLine();
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    int code =
        cmd.getExecutionExceptionHandler()
            .handleExecutionException(new IllegalArgumentException("bad size"), cmd, null);
    assertEquals(2, code);
    assertEquals("error: bad size", err.toString().trim());
  }
}
