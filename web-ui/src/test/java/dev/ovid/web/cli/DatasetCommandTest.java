package dev.ovid.web.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code ovid dataset register|list|diff} against the application's REST API. */
@QuarkusTest
class DatasetCommandTest {
  @TestHTTPResource("/")
  URL base;

  @Inject DatasetRegistry datasets;
  @Inject ObjectStore store;

  private CliRun run(String... args) {
    return CliRun.of(base, args);
  }

  private void version(String name, String... ids) {
    List<ManifestEntry> entries = new ArrayList<>();
    for (String id : ids) {
      entries.add(
          new ManifestEntry(
              name + "/" + id, "s3://ovid-artifacts/v/" + id, null, List.of("red"), "train"));
    }
    byte[] manifest = DatasetManifest.write(entries);
    String sha = Sha256.of(manifest);
    var stored = store.put("datasets/" + name + "/manifests/" + sha + ".jsonl", manifest);
    datasets.register(
        new NewDatasetVersion(name, stored.uri(), sha, ids.length, 1, "cli test", null, null),
        "test");
  }

  @Test
  void registersListsAndDiffs() throws Exception {
    String name = "cli-ds-" + UUID.randomUUID().toString().substring(0, 8);
    CliRun registered =
        run(
            "dataset",
            "register",
            name,
            "--kind",
            "kinetics_csv",
            "--location",
            "/data/k.csv",
            "--video-root",
            "/data/clips",
            "--unreadable",
            "SKIP");
    assertEquals(0, registered.exit(), registered.err());
    assertTrue(
        registered.out().contains("registered dataset source '" + name + "'"), registered.out());

    CliRun again =
        run("dataset", "register", name, "--kind", "MANIFEST", "--location", "/data/x.jsonl");
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("HTTP 409"), again.err());

    version(name, "a", "b");
    version(name, "a", "c");
    CliRun list = run("dataset", "list", "--json");
    assertEquals(0, list.exit(), list.err());
    JsonNode json = new ObjectMapper().readTree(list.out());
    assertTrue(json.path("datasetNames").toString().contains(name));

    CliRun diff = run("dataset", "diff", name, "--from", "1", "--to", "2", "--json");
    assertEquals(0, diff.exit(), diff.err());
    JsonNode d = new ObjectMapper().readTree(diff.out());
    assertEquals(name + "/c", d.path("videosAdded").path(0).asText());
    assertEquals(name + "/b", d.path("videosRemoved").path(0).asText());

    CliRun text = run("dataset", "diff", name, "--from", "1", "--to", "2");
    assertTrue(text.out().contains("videosAdded"), text.out());
    CliRun missing = run("dataset", "diff", name, "--from", "1", "--to", "7");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("HTTP 404"), missing.err());
  }
}
