package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.expansion.LabelEmbeddingSet;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TrainedModels;
import dev.ovid.web.testing.TrainedModels.Trained;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product's loop through REST: publish a vocabulary with a label the model never saw, classify
 * a video with the production model (expanded on demand on the worker), and every kind of bad input
 * answered with a clear 4xx that leaves nothing behind.
 */
@QuarkusTest
class ClassifyResourceTest {
  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject ModelRegistry models;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject ObjectStore store;

  @io.quarkus.test.common.http.TestHTTPResource("/")
  java.net.URL base;

  private Trained trained;
  private String vocabulary;
  private ManifestEntry clip;

  @BeforeEach
  void trainedProductionModelAndPublishedVocabulary() throws Exception {
    trained = TrainedModels.demo(launcher, runs, seeder.ensureDemoVocabulary());
    models.setAlias(trained.modelVersionId(), ModelAlias.PRODUCTION, "approver", "test");
    vocabulary = "classify-" + UUID.randomUUID().toString().substring(0, 8);
    long id =
        product()
            .body(Map.of("name", vocabulary))
            .post("/api/vocabularies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    List<String> labels = new ArrayList<>(DemoDataset.labels());
    labels.add("a purple spiral never seen in training");
    product()
        .body(Map.of("names", labels))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product()
        .body(Map.of("comment", "for classification"))
        .post("/api/vocabularies/{id}/publish", id)
        .then()
        .statusCode(201)
        .body("version", equalTo(1));
    clip = contents.entries(datasets.get(trained.datasetVersionId())).get(0);
  }

  private File clipFile() throws Exception {
    Path file = Files.createTempFile("ovid-clip-", ".mp4");
    store.download(S3Location.parse(clip.uri()).key(), file, clip.sha256());
    return file.toFile();
  }

  private long uploadsLeft() {
    return store.list("classify/uploads/").size();
  }

  @Test
  void classifiesAnUploadedVideoWithLabelsSortedAndJudgedByTheCalibratedThreshold()
      throws Exception {
    long uploadsBefore = uploadsLeft();
    JsonPath first =
        product()
            .contentType("multipart/form-data")
            .multiPart("video", clipFile(), "video/mp4")
            .multiPart("vocabulary", vocabulary)
            .multiPart("top", "0")
            .post("/api/classify")
            .then()
            .statusCode(200)
            .body("model", equalTo(models.modelName() + "@" + trained.version()))
            .body("vocabulary", equalTo(vocabulary + "@1"))
            .extract()
            .jsonPath();
    int n = DemoDataset.labels().size() + 1;
    assertEquals(n, first.getInt("labelCount"));
    List<Float> scores = first.getList("labels.score", Float.class);
    assertEquals(n, scores.size());
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) >= scores.get(i), "sorted by score, highest first: " + scores);
    }
    double threshold = first.getDouble("threshold");
    List<Boolean> passes = first.getList("labels.passes", Boolean.class);
    for (int i = 0; i < n; i++) {
      VideoIndexResourceTest.assertJudgedByThreshold(
          scores.get(i), threshold, passes.get(i), "label " + i);
    }
    assertTrue(first.getList("labels.label").contains("a purple spiral never seen in training"));
    assertTrue(first.getLong("timings.encodeMs") >= 0);
    assertEquals(uploadsBefore, uploadsLeft(), "the staged upload is removed");

    // Same vocabulary again, now from its s3:// URI: no second expansion, same scores.
    JsonPath second =
        product()
            .body(
                Map.of(
                    "uri", clip.uri(), "vocabulary", vocabulary, "top", 3, "model", "production"))
            .post("/api/classify")
            .then()
            .statusCode(200)
            .body("expandedOnDemand", equalTo(false))
            .extract()
            .jsonPath();
    assertEquals(3, second.getList("labels").size());
    assertEquals(first.getList("labels.label").subList(0, 3), second.getList("labels.label"));
    long sets =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    LabelEmbeddingSet.count(
                        "modelVersion.id = ?1 and vocabularyVersion.vocabulary.name = ?2",
                        trained.modelVersionId(),
                        vocabulary));
    assertEquals(1, sets, "one label-embedding database per (model, vocabulary version)");
  }

  @Test
  void badInputGetsAClear4xxAndLeavesNothingBehind() throws Exception {
    long uploadsBefore = uploadsLeft();
    Path text = Files.createTempFile("not-a-video-", ".mp4");
    Files.writeString(text, "this is not a video\n".repeat(50), StandardCharsets.UTF_8);
    product()
        .contentType("multipart/form-data")
        .multiPart("video", text.toFile(), "video/mp4")
        .multiPart("vocabulary", vocabulary)
        .post("/api/classify")
        .then()
        .statusCode(400)
        .body("error", containsString("not a readable video"));

    byte[] whole = Files.readAllBytes(clipFile().toPath());
    Path corrupt = Files.createTempFile("corrupt-", ".mp4");
    Files.write(corrupt, java.util.Arrays.copyOf(whole, Math.min(600, whole.length / 3)));
    product()
        .contentType("multipart/form-data")
        .multiPart("video", corrupt.toFile(), "video/mp4")
        .multiPart("vocabulary", vocabulary)
        .post("/api/classify")
        .then()
        .statusCode(400)
        .body("error", containsString("not a readable video"));

    Path big = Files.createTempFile("big-", ".mp4");
    Files.write(big, new byte[1024 * 1024 + 1]);
    product()
        .contentType("multipart/form-data")
        .multiPart("video", big.toFile(), "video/mp4")
        .multiPart("vocabulary", vocabulary)
        .post("/api/classify")
        .then()
        .statusCode(413)
        .body("error", containsString("limited to 1048576"));

    product()
        .body(Map.of("uri", clip.uri(), "vocabulary", "no-such-" + UUID.randomUUID()))
        .post("/api/classify")
        .then()
        .statusCode(404)
        .body("error", containsString("vocabulary"));
    product()
        .body(Map.of("uri", clip.uri(), "vocabulary", vocabulary, "vocabularyVersion", 7))
        .post("/api/classify")
        .then()
        .statusCode(404)
        .body("error", containsString(vocabulary + "@7"));
    product()
        .body(Map.of("uri", clip.uri(), "vocabulary", vocabulary, "model", "99999"))
        .post("/api/classify")
        .then()
        .statusCode(404)
        .body("error", containsString(models.modelName() + "@99999"));
    product()
        .body(Map.of("uri", clip.uri(), "vocabulary", vocabulary, "model", "staging"))
        .post("/api/classify")
        .then()
        .statusCode(404)
        .body("error", containsString("'staging'"));
    product()
        .body(
            Map.of(
                "uri", "s3://" + store.bucket() + "/no/such/video.mp4", "vocabulary", vocabulary))
        .post("/api/classify")
        .then()
        .statusCode(400)
        .body("error", containsString("no such video"));
    product()
        .body(Map.of("uri", "http://example.com/v.mp4", "vocabulary", vocabulary))
        .post("/api/classify")
        .then()
        .statusCode(400);

    assertEquals(uploadsBefore, uploadsLeft(), "no staged upload stays behind");
  }

  @Test
  void theCliPrintsTheLabelsAsOneJsonLine() throws Exception {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cli = new picocli.CommandLine(new dev.ovid.web.cli.OvidCli());
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    int exit =
        cli.execute(
            "classify",
            "--video",
            clipFile().getPath(),
            "--vocabulary",
            vocabulary,
            "--top",
            "3",
            "--json",
            "--url",
            base.toString(),
            "--user",
            "product",
            "--password",
            "product");
    assertEquals(0, exit, out + "\n" + err);
    List<String> lines = out.toString().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(
        last.startsWith(
            "{\"model\": \""
                + models.modelName()
                + "@"
                + trained.version()
                + "\", \"vocabulary\": \""
                + vocabulary
                + "@1\", \"labels\": [{\"label\": "),
        last);
    JsonPath json = JsonPath.from(last);
    assertEquals(3, json.getList("labels").size());
    List<Float> scores = json.getList("labels.score", Float.class);
    assertTrue(scores.get(0) >= scores.get(1) && scores.get(1) >= scores.get(2), last);

    int bad =
        cli.execute(
            "classify",
            "--video",
            clipFile().getPath(),
            "--vocabulary",
            "no-such-vocabulary",
            "--url",
            base.toString(),
            "--user",
            "product",
            "--password",
            "product");
    assertEquals(1, bad);
    assertTrue(err.toString().contains("HTTP 404"), err.toString());
  }

  @Test
  void aVocabularyNotYetExpandedForTheChosenModelIsExpandedOnDemand() {
    // Production points elsewhere while this vocabulary is published, so nothing expands it for
    // the trained version until a classification names that version.
    var run =
        runs.create(
            new dev.ovid.registry.run.NewRun("demo", null, DemoDataset.VOCABULARY, Map.of(), null),
            "mlops");
    String sha = dev.ovid.registry.common.Sha256.of(UUID.randomUUID().toString().getBytes());
    var other =
        runs.recordModelVersion(
            run.id,
            new dev.ovid.registry.model.NewModelVersion(
                models.modelName(), "s3://nowhere/" + sha, sha, null, null, null),
            100_000 + new java.util.Random().nextInt(800_000),
            "test");
    models.setAlias(other.id, ModelAlias.PRODUCTION, "approver", "test");
    long id = product().get("/api/vocabularies/by-name/{n}", vocabulary).jsonPath().getLong("id");
    product()
        .body(Map.of("name", "a brand new label"))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product().body(Map.of()).post("/api/vocabularies/{id}/publish", id).then().statusCode(201);
    models.setAlias(trained.modelVersionId(), ModelAlias.PRODUCTION, "approver", "test");

    product()
        .body(
            Map.of(
                "uri", clip.uri(),
                "vocabulary", vocabulary,
                "model", String.valueOf(trained.version())))
        .post("/api/classify")
        .then()
        .statusCode(200)
        .body("vocabulary", equalTo(vocabulary + "@2"))
        .body("expandedOnDemand", equalTo(true))
        .body("labelCount", equalTo(DemoDataset.labels().size() + 2));
  }

  @Test
  void nearDuplicateGuardNamesTheCloseLabelWithItsCosine() {
    long id = product().get("/api/vocabularies/by-name/{n}", vocabulary).jsonPath().getLong("id");
    // Same words with other spacing: the tokenizer sees the same text, so the cosine is 1.
    String existing = DemoDataset.labels().get(DemoDataset.labels().size() - 1);
    String spaced = existing.replace(" ", "  ");
    product()
        .body(Map.of("name", spaced))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product()
        .queryParam("label", spaced)
        .get("/api/vocabularies/{id}/near-duplicates", id)
        .then()
        .statusCode(200)
        .body("[0].label", equalTo(spaced))
        .body("[0].closeTo", equalTo(existing))
        .body("[0].cosine", org.hamcrest.Matchers.greaterThan(0.99f));
  }

  @Test
  void onlyProductOwnersAndMlOpsClassify() {
    auditor()
        .body(Map.of("uri", clip.uri(), "vocabulary", vocabulary))
        .post("/api/classify")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(Map.of("uri", clip.uri(), "vocabulary", vocabulary))
        .post("/api/classify")
        .then()
        .statusCode(401);
    assertFalse(vocabulary.isBlank());
  }
}
