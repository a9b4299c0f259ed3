package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetsResourceTest {
  @Inject DatasetRegistry datasets;
  @Inject ObjectStore store;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Ids carry the dataset's name: the same manifest bytes can belong to only one dataset. */
  private static ManifestEntry entry(String dataset, String name, String split, String... labels) {
    String id = dataset + "/" + name;
    return new ManifestEntry(
        id, "s3://ovid-artifacts/v/" + id + ".mp4", "a".repeat(64), List.of(labels), split);
  }

  /** Stores a manifest and a report and registers them, as curation does. */
  private void version(String name, List<ManifestEntry> entries, Map<String, Object> report) {
    byte[] manifest = DatasetManifest.write(entries);
    String sha = Sha256.of(manifest);
    var stored = store.put("datasets/" + name + "/manifests/" + sha + ".jsonl", manifest);
    byte[] reportJson = Json.write(report).getBytes(StandardCharsets.UTF_8);
    var storedReport =
        store.put("datasets/" + name + "/reports/" + Sha256.of(reportJson) + ".json", reportJson);
    datasets.register(
        new NewDatasetVersion(
            name,
            stored.uri(),
            sha,
            entries.size(),
            2,
            "test",
            "{\"vocabulary\":\"v\"}",
            storedReport.uri()),
        "test");
  }

  @Test
  void mlOpsRegistersASourceThatRunsCanThenName() {
    String name = unique("src");
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", "kinetics_csv");
    body.put("location", "s3://ovid-artifacts/kinetics/train.csv");
    body.put("videoRoot", "s3://ovid-artifacts/kinetics/clips/");
    body.put("unreadablePolicy", "SKIP");

    mlops()
        .body(body)
        .post("/api/datasets")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/datasets/" + name))
        .body("kind", equalTo("KINETICS_CSV"))
        .body("unreadablePolicy", equalTo("SKIP"))
        .body("createdBy", equalTo("mlops"));

    mlops()
        .get("/api/datasets")
        .then()
        .statusCode(200)
        .body("datasetNames", hasItems("demo", name))
        .body("sources.name", hasItem(name));

    mlops()
        .body(body)
        .post("/api/datasets")
        .then()
        .statusCode(409)
        .body("error", containsString(name));
    product().body(Map.of("name", unique("x"))).post("/api/datasets").then().statusCode(403);
  }

  @Test
  void anInvalidSourceGetsA400ListingEveryProblem() {
    mlops()
        .body(Map.of("name", "has spaces", "kind", "TARBALL"))
        .post("/api/datasets")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid dataset source"))
        .body("details", hasItem(containsString("kind 'TARBALL'")))
        .body("details", hasItem(containsString("name 'has spaces'")))
        .body("details", hasItem(containsString("location")));
    mlops().body("{\"name\": [").post("/api/datasets").then().statusCode(400);
  }

  @Test
  void sourcesOutsideTheAllowedBucketsAndDataRootsAreRefusedAtRegistration() {
    for (String[] bad :
        new String[][] {
          {"/etc/passwd", "outside the data roots"},
          {"file:///etc/passwd", "other schemes are not allowed"},
          {"http://127.0.0.1:62500/", "other schemes are not allowed"},
          {"s3://not-ours/x.jsonl", "not an allowed source bucket"}
        }) {
      String name = unique("confined");
      mlops()
          .body(Map.of("name", name, "kind", "MANIFEST", "location", bad[0]))
          .post("/api/datasets")
          .then()
          .statusCode(400)
          .body("details", hasItem(containsString(bad[1])));
      auditor().get("/api/datasets").then().body("sources.name", not(hasItem(name)));
    }
  }

  @Test
  void diffOfTwoRegisteredVersionsAndAVersionWithItsReport() {
    String name = unique("diffed");
    version(
        name,
        List.of(entry(name, "a", "train", "red"), entry(name, "b", "eval", "blue")),
        Map.of("videosIn", 2));
    version(
        name,
        List.of(entry(name, "a", "train", "red", "circle"), entry(name, "c", "eval", "blue")),
        Map.of("videosIn", 3, "videosUnreadable", List.of()));

    mlops()
        .get("/api/datasets/{name}/diff?from=1&to=2", name)
        .then()
        .statusCode(200)
        .body("videosAdded", contains(name + "/c"))
        .body("videosRemoved", contains(name + "/b"))
        .body("videosChanged", contains(name + "/a"))
        .body("labelsAdded", contains("circle"))
        .body("labelsRemoved", empty());

    mlops()
        .get("/api/datasets/{name}/versions/2", name)
        .then()
        .statusCode(200)
        .body("version.version", equalTo(2))
        .body("version.videoCount", equalTo(2))
        .body("report.videosIn", equalTo(3))
        .body("curationConfig.vocabulary", equalTo("v"));

    mlops().get("/api/datasets/{name}/versions/1", name).then().body("report.videosIn", equalTo(2));
    mlops().get("/api/datasets/{name}/versions/9", name).then().statusCode(404);
    mlops()
        .get("/api/datasets/{name}/diff?from=1", name)
        .then()
        .statusCode(400)
        .body("details", hasItem(containsString("'to'")));
  }
}
