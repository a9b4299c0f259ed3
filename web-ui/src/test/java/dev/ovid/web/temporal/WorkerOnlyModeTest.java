package dev.ovid.web.temporal;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker-only process (bin/ovid worker) polls its task queue but refuses to launch runs. */
@QuarkusTest
@TestProfile(WorkerOnlyModeTest.WorkerOnly.class)
class WorkerOnlyModeTest {
  public static class WorkerOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ovid.temporal.worker-only", "true", "ovid.temporal.task-queue", "worker-only-test");
    }
  }

  @Inject RunLauncher launcher;
  @Inject PipelineWorker worker;
  @Inject DemoSeeder seeder;

  @Test
  void pollsItsQueueButRefusesToLaunch() {
    assertTrue(worker.running(), "the worker polls in worker-only mode");
    long vocabulary = seeder.ensureDemoVocabulary().id;
    var error =
        assertThrows(
            ServiceUnavailableException.class,
            () ->
                launcher.launch(
                    new LaunchRequest("demo", vocabulary, Hyperparameters.defaults(), null),
                    "worker-test"));
    assertTrue(error.getMessage().contains("worker only"), error.getMessage());
  }
}
