package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexShard;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TrainedModels;
import dev.ovid.web.testing.TrainedModels.Trained;
import dev.ovid.workflows.videoindex.VideoIndexRef;
import dev.ovid.workflows.videoindex.VideoIndexRequest;
import dev.ovid.workflows.videoindex.VideoIndexWorkflow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The video embedding index through REST and a real worker: ml-ops build the index of the demo
 * dataset (sharded, content-addressed, recorded once, resumable from stored shards), a product
 * owner previews a draft label on it, and classifies the whole dataset version into CSV and JSONL.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VideoIndexResourceTest {
  private static final Duration WAIT = Duration.ofMinutes(8);

  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject ObjectStore store;
  @Inject AuditLog audit;
  @Inject TemporalConnection temporal;

  private Trained trained;
  private DatasetVersion dataset;
  private String model;

  @BeforeEach
  void trainedModel() {
    trained = TrainedModels.demo(launcher, runs, seeder.ensureDemoVocabulary());
    dataset = datasets.get(trained.datasetVersionId());
    // By number: other tests may move the production alias.
    model = String.valueOf(trained.version());
  }

  private int videoCount() {
    var ids = new LinkedHashSet<String>();
    contents.entries(dataset).forEach(e -> ids.add(e.id()));
    return ids.size();
  }

  @Test
  @Order(1)
  void buildsTheIndexInShardsOnceAndResumesFromStoredShards() throws Exception {
    int videos = videoCount();
    Map<String, Object> body =
        Map.of(
            "model",
            model,
            "dataset",
            dataset.datasetName,
            "datasetVersion",
            dataset.version,
            "shardSize",
            16);
    product().body(body).post("/api/video-indexes").then().statusCode(403);
    String workflowId =
        mlops()
            .body(body)
            .post("/api/video-indexes")
            .then()
            .statusCode(202)
            .extract()
            .path("workflowId");
    JsonPath done =
        await(
            () ->
                mlops()
                    .get("/api/video-indexes/workflows/{id}", workflowId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            p -> List.of("done", "failed").contains(p.getString("state")));
    assertEquals("done", done.getString("state"), done.prettify());
    int shards = (videos + 15) / 16;
    assertEquals(shards, done.getInt("shardsTotal"));
    assertEquals(shards, done.getInt("shardsDone"));

    // Asking again finds the same workflow and the same single index.
    mlops()
        .body(body)
        .post("/api/video-indexes")
        .then()
        .statusCode(202)
        .body("workflowId", equalTo(workflowId));
    VideoIndex index = index();
    assertEquals(videos, index.videoCount);
    assertEquals(shards, index.shardCount);
    assertEquals(workflowId, index.workflowId);
    assertEquals("mlops", index.createdBy);
    assertEquals(
        index.sha256,
        Sha256.of(store.getBytes(S3Location.parse(index.uri).key())),
        "stored under its sha256");
    assertTrue(index.uri.endsWith(index.sha256 + ".ovidvix"), index.uri);
    assertEquals(shards, shardRows());
    mlops()
        .get("/api/video-indexes/{id}", index.id)
        .then()
        .statusCode(200)
        .body("videoCount", equalTo(videos))
        .body("dataset", equalTo(dataset.datasetName))
        .body("modelVersion", equalTo(trained.version()));
    assertTrue(
        audit.history("dataset-version", dataset.id).stream()
            .anyMatch(e -> e.action.equals("video-index.built")),
        "the build is audited");

    // A build that finds its shards stored (as after a worker crash) embeds none of them again
    // and assembles the same content-addressed index.
    String sha = index.sha256;
    long indexId = index.id;
    QuarkusTransaction.requiringNew().run(() -> VideoIndex.deleteById(indexId));
    String rebuildId = "test-rebuild-" + UUID.randomUUID();
    VideoIndexWorkflow rebuild =
        temporal
            .client()
            .newWorkflowStub(
                VideoIndexWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(rebuildId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowExecutionTimeout(WAIT)
                    .build());
    VideoIndexRef again =
        rebuild.build(
            new VideoIndexRequest(trained.modelVersionId(), dataset.id, 16, "test:rebuild"));
    assertTrue(again.created());
    assertEquals(sha, again.embeddings().sha256(), "same shards, same index object");
    assertEquals(shards, shardRows(), "no shard recorded twice");
    List<String> shardResults = new ArrayList<>();
    temporal
        .client()
        .fetchHistory(rebuildId)
        .getEvents()
        .forEach(
            e -> {
              if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
                String result =
                    e.getActivityTaskCompletedEventAttributes()
                        .getResult()
                        .getPayloads(0)
                        .getData()
                        .toStringUtf8();
                if (result.contains("\"computed\"")) shardResults.add(result);
              }
            });
    assertEquals(shards, shardResults.size(), String.join("\n", shardResults));
    shardResults.forEach(
        r -> assertTrue(r.contains("\"computed\":false"), "recomputed a stored shard: " + r));
  }

  @Test
  @Order(2)
  void previewsADraftLabelWithBestVideosHistogramAndPassingCount() throws Exception {
    VideoIndex index = ensureIndex();
    String body =
        product()
            .body(Map.of("label", "a red circle", "top", 5))
            .post("/api/video-indexes/{id}/preview", index.id)
            .then()
            .statusCode(200)
            .body("label", equalTo("a red circle"))
            .body("videoCount", equalTo(index.videoCount))
            .body("histogramSvg", containsString("<svg"))
            .extract()
            .asString();
    JsonPath preview = JsonPath.from(body);
    List<Integer> histogram = preview.getList("histogram", Integer.class);
    assertEquals(index.videoCount, histogram.stream().mapToInt(Integer::intValue).sum());
    List<Float> scores = preview.getList("videos.score", Float.class);
    assertEquals(5, scores.size());
    for (int i = 1; i < scores.size(); i++)
      assertTrue(scores.get(i - 1) >= scores.get(i), "" + scores);
    double threshold = preview.getDouble("threshold");
    List<Boolean> passes = preview.getList("videos.passes", Boolean.class);
    for (int i = 0; i < scores.size(); i++) {
      assertJudgedByThreshold(scores.get(i), threshold, passes.get(i), "label " + i);
    }
    int passing = preview.getInt("passing");
    assertTrue(passing >= 0 && passing <= index.videoCount);

    // The bins' edges, read as doubles (JsonPath reads floats, and scores crowd next to 1).
    JsonNode exact = new ObjectMapper().readTree(body);
    List<Double> edges = new ArrayList<>();
    exact.get("histogramEdges").forEach(e -> edges.add(e.asDouble()));
    assertEquals(histogram.size() + 1, edges.size(), "" + edges);
    for (int i = 1; i < edges.size(); i++) {
      assertTrue(edges.get(i - 1) < edges.get(i), "edges rise: " + edges);
    }
    double best = exact.get("videos").get(0).get("score").asDouble();
    double last = exact.get("videos").get(4).get("score").asDouble();
    assertTrue(edges.get(0) < last && best < edges.get(edges.size() - 1), "a margin: " + edges);
    int bin = 0;
    while (best >= edges.get(bin + 1)) bin++;
    assertTrue(histogram.get(bin) >= 1, "the best video is counted in its bin " + bin);

    byte[] jpeg =
        product()
            .get(preview.getString("videos[0].thumbnail"))
            .then()
            .statusCode(200)
            .contentType("image/jpeg")
            .extract()
            .asByteArray();
    assertEquals((byte) 0xFF, jpeg[0]);
    assertEquals((byte) 0xD8, jpeg[1]);

    product()
        .body(Map.of("label", "  "))
        .post("/api/video-indexes/{id}/preview", index.id)
        .then()
        .statusCode(400)
        .body("error", containsString("label"));
    product()
        .body(Map.of("label", "x"))
        .post("/api/video-indexes/{id}/preview", 999_999_999)
        .then()
        .statusCode(404);
    product().get("/api/video-indexes/thumbnails/not-a-sha").then().statusCode(400);
  }

  @Test
  @Order(3)
  void classifiesTheDatasetVersionIntoCsvAndJsonlMatchingSingleVideoClassification() {
    VideoIndex index = ensureIndex();
    String vocabulary = "batch-" + UUID.randomUUID().toString().substring(0, 8);
    long id =
        product()
            .body(Map.of("name", vocabulary))
            .post("/api/vocabularies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    product()
        .body(
            Map.of("names", List.of("red", "a blue thing", "moving up", "a purple spiral, maybe")))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product().body(Map.of()).post("/api/vocabularies/{id}/publish", id).then().statusCode(201);

    Map<String, Object> body =
        Map.of(
            "model",
            model,
            "dataset",
            dataset.datasetName,
            "datasetVersion",
            dataset.version,
            "vocabulary",
            vocabulary,
            "top",
            2);
    String workflowId =
        product()
            .body(body)
            .post("/api/batch-classifications")
            .then()
            .statusCode(202)
            .extract()
            .path("workflowId");
    JsonPath status =
        await(
            () ->
                product()
                    .get("/api/batch-classifications/workflows/{id}", workflowId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            p -> p.get("result") != null || p.getString("progress").startsWith("failed"));
    assertNotNull(status.get("result"), status.prettify());
    long batchId = status.getLong("result.id");
    assertEquals(index.id, status.getLong("result.videoIndex"));
    assertEquals(vocabulary + "@1", status.getString("result.vocabulary"));
    assertEquals(index.videoCount, status.getInt("result.videoCount"));
    double threshold = status.getDouble("result.threshold");

    String csv =
        product()
            .get("/api/batch-classifications/{id}/results.csv", batchId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] lines = csv.split("\n");
    assertEquals("video_id,video_uri,rank,label,score,passes", lines[0]);
    assertTrue(csv.contains("\"a purple spiral, maybe\""), "labels with commas are quoted");
    String jsonl =
        product()
            .get("/api/batch-classifications/{id}/results.jsonl", batchId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] rows = jsonl.strip().split("\n");
    assertEquals(index.videoCount, rows.length);
    int csvRows = 0;
    for (String row : rows) {
      JsonPath video = new JsonPath(row);
      List<Float> scores = video.getList("labels.score", Float.class);
      List<Boolean> passes = video.getList("labels.passes", Boolean.class);
      assertTrue(scores.size() >= 2, row);
      for (int i = 0; i < scores.size(); i++) {
        if (i > 0) assertTrue(scores.get(i - 1) >= scores.get(i), row);
        assertJudgedByThreshold(scores.get(i), threshold, passes.get(i), row);
        if (i >= 2) assertTrue(passes.get(i), "beyond top 2 only passing labels: " + row);
      }
      csvRows += scores.size();
    }
    assertEquals(csvRows, lines.length - 1, "one CSV row per (video, label) of the JSONL");

    // The index's embeddings are the ones single-video classification computes.
    JsonPath first = new JsonPath(rows[0]);
    ManifestEntry entry =
        contents.entries(dataset).stream()
            .filter(e -> e.id().equals(first.getString("video")))
            .findFirst()
            .orElseThrow();
    JsonPath single =
        product()
            .body(Map.of("uri", entry.uri(), "vocabulary", vocabulary, "model", model, "top", 0))
            .post("/api/classify")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String best = first.getString("labels[0].label");
    assertEquals(best, single.getString("labels[0].label"));
    assertEquals(
        first.getDouble("labels[0].score"), single.getDouble("labels[0].score"), 1e-4, best);

    // Asking again: same workflow, same single record.
    product()
        .body(body)
        .post("/api/batch-classifications")
        .then()
        .statusCode(202)
        .body("workflowId", equalTo(workflowId));
    long batches =
        product()
            .get("/api/batch-classifications")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.vocabulary == '" + vocabulary + "@1' }")
            .size();
    assertEquals(1, batches);
    assertTrue(
        audit.history("dataset-version", dataset.id).stream()
            .anyMatch(e -> e.action.equals("dataset.classified")),
        "the batch classification is audited");
    product()
        .body(
            Map.of(
                "model",
                model,
                "dataset",
                dataset.datasetName,
                "vocabulary",
                "no-such-" + UUID.randomUUID()))
        .post("/api/batch-classifications")
        .then()
        .statusCode(404);
  }

  @Test
  @Order(4)
  void expansionReportsLabelsDoneOfTotalThroughItsQuery() {
    String vocabulary = "progress-" + UUID.randomUUID().toString().substring(0, 8);
    long id =
        product()
            .body(Map.of("name", vocabulary))
            .post("/api/vocabularies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 150; i++) labels.add("label number " + i);
    product()
        .body(Map.of("names", labels))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product().body(Map.of()).post("/api/vocabularies/{id}/publish", id).then().statusCode(201);
    String workflowId =
        product()
            .body(Map.of("model", model, "vocabulary", vocabulary))
            .post("/api/expansions")
            .then()
            .statusCode(202)
            .extract()
            .path("workflowId");
    JsonPath done =
        await(
            () ->
                product()
                    .get("/api/expansions/{id}", workflowId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            p -> List.of("done", "failed").contains(p.getString("state")));
    assertEquals("done", done.getString("state"), done.prettify());
    assertEquals(150, done.getInt("labelsDone"));
    assertEquals(150, done.getInt("labelsTotal"));
    // The activity told its workflow as it went (at least its last batch).
    long signals =
        temporal.client().fetchHistory(workflowId).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
            .filter(
                e ->
                    e.getWorkflowExecutionSignaledEventAttributes()
                        .getSignalName()
                        .equals("labelsEmbedded"))
            .count();
    assertTrue(signals >= 1, "progress signals: " + signals);
  }

  private VideoIndex ensureIndex() {
    var existing = findIndex();
    if (existing != null) return existing;
    String workflowId =
        mlops()
            .body(
                Map.of(
                    "model", model,
                    "dataset", dataset.datasetName,
                    "datasetVersion", dataset.version))
            .post("/api/video-indexes")
            .then()
            .statusCode(202)
            .extract()
            .path("workflowId");
    await(
        () ->
            mlops()
                .get("/api/video-indexes/workflows/{id}", workflowId)
                .then()
                .extract()
                .jsonPath(),
        p -> List.of("done", "failed").contains(p.getString("state")));
    return index();
  }

  private VideoIndex index() {
    VideoIndex index = findIndex();
    assertNotNull(index, "no index recorded");
    return index;
  }

  private VideoIndex findIndex() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              VideoIndex i =
                  VideoIndex.<VideoIndex>find(
                          "modelVersion.id = ?1 and datasetVersion.id = ?2",
                          trained.modelVersionId(),
                          dataset.id)
                      .firstResult();
              return i;
            });
  }

  private long shardRows() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                VideoIndexShard.count(
                    "modelVersion.id = ?1 and datasetVersion.id = ?2 and shardSize = 16",
                    trained.modelVersionId(),
                    dataset.id));
  }

  private static JsonPath await(
      Supplier<JsonPath> poll, java.util.function.Predicate<JsonPath> finished) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonPath last = poll.get();
    while (!finished.test(last) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = poll.get();
    }
    return last;
  }

  /**
   * {@code passes} is the server's comparison of the exact score; the response rounds scores to 6
   * decimals, so a score within that rounding of the threshold may read either way (the demo
   * model's scores crowd near 1).
   */
  static void assertJudgedByThreshold(float score, double threshold, boolean passes, String what) {
    if (Math.abs(score - threshold) > 1e-6) {
      assertEquals(score >= threshold, passes, what + ": score " + score + " vs " + threshold);
    }
  }
}
