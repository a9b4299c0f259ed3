package dev.ovid.web.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.testing.TestWorker;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ovid demo --wait} launches the demo pipeline through the REST API and follows it. */
@QuarkusTest
class DemoCommandTest {
  @TestHTTPResource("/")
  URL base;

  @Inject DemoSeeder seeder;
  @Inject RunRegistry runs;

  @Test
  void launchesTheDemoPipelineAndFollowsItToTheEnd() {
    TestWorker.ensureRunning();
    seeder.ensureDemoVocabulary();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new OvidCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("demo", "--wait", "--epochs", "1", "--url", base.toString());

    assertEquals(0, exit, out + "\n" + err);
    var launched = Pattern.compile("launched run (\\d+)").matcher(out.toString());
    assertTrue(launched.find(), out.toString());
    assertTrue(out.toString().contains("100% SUCCEEDED"), out.toString());
    assertEquals(RunStatus.SUCCEEDED, runs.get(Long.parseLong(launched.group(1))).status);
  }

  @Test
  void saysSoWhenOvidIsNotReachable() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new OvidCli());
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("demo", "--url", "http://127.0.0.1:9");
    assertEquals(1, exit);
    assertTrue(err.toString().contains("cannot reach Ovid at http://127.0.0.1:9"), err.toString());
  }
}
