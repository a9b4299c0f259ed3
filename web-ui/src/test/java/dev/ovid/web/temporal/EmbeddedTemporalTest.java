package dev.ovid.web.temporal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.temporal.TemporalSettings;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TestWorker;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no Temporal target the control plane runs Temporal's in-process server: it says so in
 * /q/health (durable: false), and a worker process pointed at it runs the whole pipeline.
 */
@QuarkusTest
@TestProfile(EmbeddedTemporalTest.NoTemporalTarget.class)
class EmbeddedTemporalTest {
  /**
   * A port of this JVM's own, so two builds never fight over the embedded server's port; kept in a
   * system property because Quarkus loads the profile and the test in different class loaders.
   */
  static final String PORT =
      System.getProperties()
          .computeIfAbsent("ovid.test.embedded-port", k -> String.valueOf(TestWorker.freePort()))
          .toString();

  static final Map<String, String> EMBEDDED =
      Map.of(
          "ovid.temporal.target", TemporalSettings.EMBEDDED, "ovid.temporal.embedded-port", PORT);

  public static class NoTemporalTarget implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return EMBEDDED;
    }
  }

  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;

  @Test
  void healthSaysTheEmbeddedServerIsNotDurable() {
    assertTrue(launcher.embeddedTemporal());
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'temporal' }.status", is("UP"))
        .body("checks.find { it.name == 'temporal' }.data.durable", is(false))
        .body("checks.find { it.name == 'temporal' }.data.endpoint", is("embedded"));
  }

  @Test
  void thePipelineRunsOnTheEmbeddedServer() throws InterruptedException {
    TestWorker worker = TestWorker.ensureRunning(EMBEDDED);
    long vocabulary = seeder.ensureDemoVocabulary().id;
    var run =
        launcher.launch(
            new LaunchRequest(
                "demo",
                vocabulary,
                new Hyperparameters(1, 8, 1e-3, 0.07, 1.0, 0.5, 2, 5, 3L),
                null),
            "embedded-test");
    long deadline = System.nanoTime() + 300_000_000_000L;
    var now = runs.get(run.id);
    while (!now.status.isFinal() && System.nanoTime() < deadline) {
      Thread.sleep(300);
      now = runs.get(run.id);
    }
    assertEquals(RunStatus.SUCCEEDED, now.status, now.message + "\nworker log:\n" + worker.tail());
    worker.kill();
  }
}
