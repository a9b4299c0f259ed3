package dev.ovid.web.architecture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ovid.registry.temporal.TemporalSettings;
import dev.ovid.web.testing.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The control plane carries no model or video runtime, sees the workers that poll its queues, and
 * keeps serving when a worker dies.
 */
@QuarkusTest
class ControlPlaneAndWorkerTest {
  @Inject TemporalSettings temporal;

  @Test
  void noModelOrVideoRuntimeOnTheClassPath() {
    for (String name :
        new String[] {
          "ai.djl.engine.Engine",
          "ai.djl.pytorch.engine.PtEngine",
          "org.bytedeco.javacv.FFmpegFrameGrabber",
          "org.bytedeco.ffmpeg.global.avcodec",
          "dev.ovid.model.core.OvidModel",
          "dev.ovid.activities.worker.PipelineWorker"
        }) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  @Test
  void healthShowsThePollingWorkerAndTheAppOutlivesIt() throws InterruptedException {
    TestWorker worker = TestWorker.ensureRunning();
    String training = temporal.queues().training();
    awaitWorkersData(training, "@", Duration.ofSeconds(60));

    worker.kill();
    // The control plane keeps answering without any worker.
    given().auth().basic("auditor", "auditor").get("/api/runs").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
  }

  private void awaitWorkersData(String queue, String expected, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      String data =
          given()
              .get("/q/health/ready")
              .then()
              .extract()
              .path("checks.find { it.name == 'workers' }.data['" + queue + "']");
      if (data != null && data.contains(expected)) return;
      if (System.nanoTime() > deadline) {
        given()
            .get("/q/health/ready")
            .then()
            .body(
                "checks.find { it.name == 'workers' }.data['" + queue + "']",
                containsString(expected))
            .body("checks.find { it.name == 'workers' }.status", is("UP"));
      }
      Thread.sleep(500);
    }
  }
}
