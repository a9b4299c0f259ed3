package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.mlops;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.cli.CliRun;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TestWorker;
import dev.ovid.web.testing.TrainedModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Backfill of a past range on the Temporal dev server ({@code ovid schedule backfill}), with a
 * pinned dataset version and a schedule that registers its models without moving the candidate
 * alias: the action of the range runs, on the pinned version, and its model is not candidate.
 */
@QuarkusTest
class ScheduleBackfillTest {
  @TestHTTPResource("/")
  URL base;

  @Inject DemoSeeder seeder;
  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DatasetRegistry datasets;
  @Inject ObjectStore store;
  @Inject ModelRegistry models;
  @Inject AuditLog audit;

  @Test
  void aBackfillRunsEveryActionOfTheRangeOnThePinnedVersionWithoutACandidate() throws Exception {
    var vocabulary = seeder.ensureDemoVocabulary();
    DatasetVersion pinned = smallerDemoVersion(vocabulary);
    String name = "backfill-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("cron", "0 3 * * *");
    body.put("datasetName", "demo");
    body.put("vocabularyName", vocabulary.name);
    body.put("hyperparameters", oneEpoch());
    body.put("overlap", "SKIP");
    body.put("datasetVersion", 0);
    mlops()
        .body(body)
        .post("/api/schedules")
        .then()
        .statusCode(400)
        .body("error", containsString("datasetVersion"));
    body.put("datasetVersion", 99999);
    mlops().body(body).post("/api/schedules").then().statusCode(404);
    body.put("datasetVersion", pinned.version);
    body.put("registerCandidate", false);
    try {
      mlops()
          .body(body)
          .post("/api/schedules")
          .then()
          .statusCode(201)
          .body("datasetVersion", equalTo(pinned.version))
          .body("registerCandidate", equalTo(false));

      Instant future = Instant.now().plus(Duration.ofDays(1));
      mlops()
          .queryParam("from", Instant.now().minus(Duration.ofDays(1)).toString())
          .queryParam("to", future.toString())
          .post("/api/schedules/" + name + "/backfill")
          .then()
          .statusCode(400);

      // Yesterday 02:00 to 04:00 UTC holds one 03:00 action (one pipeline: the machine is slow).
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      Instant from = today.minusDays(1).atTime(2, 0).toInstant(ZoneOffset.UTC);
      Instant to = today.minusDays(1).atTime(4, 0).toInstant(ZoneOffset.UTC);
      TestWorker.ensureRunning();
      CliRun cli =
          cli(
              "schedule",
              "backfill",
              "--name",
              name,
              "--from",
              from.toString(),
              "--to",
              to.toString(),
              "--json");
      assertEquals(0, cli.exit(), cli.err());
      assertTrue(cli.out().contains("\"datasetVersion\":" + pinned.version), cli.out());

      List<Long> started = awaitRuns(name, 1, Duration.ofMinutes(5));
      for (long id : started) {
        TrainingRun run = awaitEnd(id, Duration.ofMinutes(15));
        assertEquals(RunStatus.SUCCEEDED, run.status, run.message);
        assertEquals("ovid-schedule-" + name, run.scheduleId);
        assertFalse(run.registerCandidate);
        long runId = id;
        long[] trainedOn = new long[1];
        long modelVersion =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      TrainingRun r = TrainingRun.findById(runId);
                      trainedOn[0] = r.datasetVersion.id;
                      List<ModelVersion> versions = ModelVersion.ofRun(r);
                      assertEquals(1, versions.size());
                      return versions.get(0).id;
                    });
        assertEquals(pinned.id, trainedOn[0], "run " + id + " trained on another version");
        assertFalse(
            models.aliasesOf(modelVersion).contains("candidate"),
            "run " + id + "'s model became the candidate");
      }
      CliRun list = cli("schedule", "list");
      assertEquals(0, list.exit(), list.err());
      assertTrue(list.out().contains("demo@" + pinned.version + " (pinned)"), list.out());
      assertTrue(list.out().contains("no candidate"), list.out());
    } finally {
      mlops().delete("/api/schedules/" + name);
    }
    List<String> actions =
        audit.history("schedule", "ovid-schedule-" + name).stream().map(e -> e.action).toList();
    assertTrue(actions.contains("schedule.backfilled"), actions.toString());
  }

  /**
   * A demo version other than the one curation makes: a curated demo version (one left by an
   * earlier run of this database, else the shared trained model's) less one training video,
   * registered as a newer version. A run on it has fewer videos than curation would give.
   */
  private DatasetVersion smallerDemoVersion(dev.ovid.registry.vocabulary.Vocabulary vocabulary) {
    DatasetVersion full =
        datasets.list().stream()
            .filter(v -> v.datasetName.equals("demo") && v.sourceDescription != null)
            .filter(v -> v.sourceDescription.startsWith("generated by Ovid"))
            .findFirst()
            .orElseGet(
                () ->
                    datasets.get(
                        TrainedModels.demo(launcher, runs, vocabulary).datasetVersionId()));
    S3Location location = S3Location.parse(full.manifestUri);
    List<ManifestEntry> entries =
        new ArrayList<>(
            DatasetManifest.read(
                new ByteArrayInputStream(store.getBytes(location.key())), full.manifestUri));
    ManifestEntry dropped =
        entries.stream().filter(e -> e.split().equals("train")).findFirst().orElseThrow();
    entries.remove(dropped);
    byte[] manifest = DatasetManifest.write(entries);
    String sha = Sha256.of(manifest);
    var stored = store.put("datasets/demo/manifests/" + sha + ".jsonl", manifest);
    return datasets.register(
        new NewDatasetVersion(
            "demo",
            stored.uri(),
            sha,
            entries.size(),
            full.labelCount,
            "demo less " + dropped.id() + " (schedule backfill test)",
            null,
            null),
        "test");
  }

  private static Map<String, Object> oneEpoch() {
    Map<String, Object> hp = new LinkedHashMap<>();
    hp.put("epochs", 1);
    hp.put("batchSize", 8);
    hp.put("learningRate", 0.001);
    hp.put("temperature", 0.07);
    hp.put("negativeWeight", 1.0);
    hp.put("swrLambda", 0.5);
    hp.put("temporalLayers", 2);
    hp.put("checkpointEverySteps", 5);
    hp.put("seed", 5);
    return hp;
  }

  private CliRun cli(String... args) {
    return CliRun.of(base, args);
  }

  private List<Long> awaitRuns(String name, int count, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      List<Long> ids =
          runs.listBySchedule("ovid-schedule-" + name, 10).stream().map(r -> r.id).toList();
      if (ids.size() >= count) return ids;
      assertTrue(
          System.nanoTime() < deadline, "the backfill started " + ids.size() + " of " + count);
      sleep(1000);
    }
  }

  private TrainingRun awaitEnd(long runId, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    TrainingRun run = runs.get(runId);
    while (!run.status.isFinal()) {
      assertTrue(System.nanoTime() < deadline, "run " + runId + " still " + run.status);
      sleep(500);
      run = runs.get(runId);
    }
    return run;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
