package dev.ovid.activities.datasets;

import static dev.ovid.activities.datasets.CurationFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.NewDatasetSource;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.dataset.manifest.SyntheticManifestLabel;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.CurationRequest;
import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.curation.LabelerSpec;
import dev.ovid.workflows.curation.SyntheticLabelingActivities;
import dev.ovid.workflows.curation.SyntheticLabelingRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.temporal.testing.TestActivityEnvironment;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic-labelling activity end to end: a curated dataset version, a chat-completions
 * endpoint on loopback, and the new dataset version it registers.
 */
@QuarkusTest
class SyntheticLabelingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject CurationActivities curation;
  @Inject SyntheticLabelingActivities synthetic;
  @Inject DatasetSourceService sources;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject VocabularyService vocabularies;
  @Inject RunRegistry runs;

  @TempDir Path dir;
  private TestActivityEnvironment env;
  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(curation, synthetic);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          requests.add(JSON.readTree(exchange.getRequestBody()));
          var root = JSON.createObjectNode();
          root.putArray("choices")
              .addObject()
              .putObject("message")
              .put("role", "assistant")
              .put("content", "Circle, squares\n- unicorn");
          byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    env.close();
  }

  @Test
  void chatLabelerAddsSyntheticLabelsWithProvenanceInANewVersion() throws Exception {
    Path a = video(dir, "a.mp4", "red", "circle");
    Path b = video(dir, "b.mp4", "blue", "square");
    Path c = video(dir, "c.mp4", "blue", "circle");
    Path manifest = dir.resolve("manifest.jsonl");
    Files.writeString(
        manifest,
        "{\"id\":\"a\",\"uri\":\""
            + a
            + "\",\"labels\":[\"red\"],\"split\":\"train\"}\n"
            + "{\"id\":\"b\",\"uri\":\""
            + b
            + "\",\"labels\":[\"blue\",\"square\"],\"split\":\"train\"}\n"
            + "{\"id\":\"c\",\"uri\":\""
            + c
            + "\",\"labels\":[\"blue\"],\"split\":\"eval\"}\n");
    String name = unique("synth");
    sources.register(
        new NewDatasetSource(
            name, DatasetSourceKind.MANIFEST, manifest.toString(), null, null, null),
        "test");
    Vocabulary vocabulary = vocabulary(vocabularies, "red", "blue", "circle", "square");
    long runId = run(runs, name, vocabulary);
    DatasetVersionRef curated =
        stub(env, CurationActivities.class).curate(new CurationRequest(runId, name, vocabulary.id));
    List<ManifestEntry> before = contents.entries(datasets.get(curated.datasetVersionId()));

    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    var spec = new LabelerSpec(LabelerSpec.Kind.CHAT, null, null, base, "tiny-vision", null, 4);
    DatasetVersionRef labelled =
        stub(env, SyntheticLabelingActivities.class)
            .labelDataset(new SyntheticLabelingRequest(runId, curated, vocabulary.id, spec, null));

    var version = datasets.get(labelled.datasetVersionId());
    assertEquals(name, version.datasetName);
    assertEquals(2, version.version);
    assertEquals(2, requests.size(), "one request per train video");
    for (JsonNode request : requests) {
      assertEquals("tiny-vision", request.path("model").asText());
      JsonNode content = request.path("messages").path(0).path("content");
      assertEquals(1 + 4, content.size(), "prompt and 4 frames");
      assertTrue(
          content
              .path(1)
              .path("image_url")
              .path("url")
              .asText()
              .startsWith("data:image/jpeg;base64,"));
    }

    Map<String, ManifestEntry> byId = new java.util.HashMap<>();
    contents.entries(version).forEach(e -> byId.put(e.id(), e));
    assertEquals(List.of("red"), byId.get("a").labels(), "human labels untouched");
    assertEquals(
        List.of(
            new SyntheticManifestLabel("circle", "chat:tiny-vision", null),
            new SyntheticManifestLabel("square", "chat:tiny-vision", null)),
        byId.get("a").synthetic());
    assertEquals(
        List.of(new SyntheticManifestLabel("circle", "chat:tiny-vision", null)),
        byId.get("b").synthetic(),
        "a label the video already has from a human is not repeated");
    assertEquals(List.of(), byId.get("c").synthetic(), "eval split is not labelled");

    Map<String, Object> report = contents.report(version);
    assertEquals(3, ((Number) report.get("syntheticLabelsAdded")).intValue());
    assertEquals(
        Map.of("a", List.of("unicorn"), "b", List.of("unicorn")), report.get("unmatchedAnswers"));
    @SuppressWarnings("unchecked")
    var parent = (Map<String, Object>) report.get("derivedFrom");
    assertEquals(curated.datasetVersionId(), ((Number) parent.get("datasetVersionId")).longValue());
    assertEquals(
        before, contents.entries(datasets.find(name, 1)), "the parent version is unchanged");

    // A retry (as after a worker crash) reuses the stored answers: no new requests, the same
    // manifest, hence the same version.
    assertEquals(
        labelled.datasetVersionId(),
        stub(env, SyntheticLabelingActivities.class)
            .labelDataset(new SyntheticLabelingRequest(runId, curated, vocabulary.id, spec, null))
            .datasetVersionId());
    assertEquals(2, requests.size(), "answers were taken from the labelling cache");
  }

  @Inject dev.ovid.activities.training.PipelineModels models;
  @Inject dev.ovid.registry.objectstore.ObjectStore store;

  /**
   * A registered model version (untrained but real: seeded weights and label embeddings in the
   * store) as teacher. With threshold 0 every vocabulary label the video lacks is added, each with
   * the teacher's probability as score.
   */
  @Test
  void teacherModelVersionAddsScoredLabels() throws Exception {
    Path a = video(dir, "a.mp4", "red", "circle");
    Path manifest = dir.resolve("manifest.jsonl");
    Files.writeString(
        manifest,
        "{\"id\":\"a\",\"uri\":\"" + a + "\",\"labels\":[\"red\"],\"split\":\"train\"}\n");
    String name = unique("teach");
    sources.register(
        new NewDatasetSource(
            name, DatasetSourceKind.MANIFEST, manifest.toString(), null, null, null),
        "test");
    Vocabulary vocabulary = vocabulary(vocabularies, "red", "blue", "circle");
    long runId = run(runs, name, vocabulary);
    DatasetVersionRef curated =
        stub(env, CurationActivities.class).curate(new CurationRequest(runId, name, vocabulary.id));

    String modelName = unique("teacher");
    long modelVersionId = registerUntrainedModel(runId, modelName, vocabulary);
    DatasetVersionRef labelled =
        stub(env, SyntheticLabelingActivities.class)
            .labelDataset(
                new SyntheticLabelingRequest(
                    runId, curated, vocabulary.id, LabelerSpec.teacher(modelVersionId, 0.0), null));

    ManifestEntry entry = contents.entries(datasets.get(labelled.datasetVersionId())).get(0);
    assertEquals(List.of("red"), entry.labels());
    assertEquals(
        List.of("blue", "circle"),
        entry.synthetic().stream().map(SyntheticManifestLabel::label).sorted().toList());
    for (SyntheticManifestLabel label : entry.synthetic()) {
      assertEquals("teacher:" + modelName + "@1", label.source());
      assertTrue(
          label.score() != null && label.score() >= 0 && label.score() <= 1, label.toString());
    }
  }

  private long registerUntrainedModel(long runId, String modelName, Vocabulary vocabulary)
      throws Exception {
    var hp = models.hyperparameters(runId);
    try (var model = models.build(hp)) {
      Path weights = dir.resolve("weights.bin");
      model.saveWeights(weights);
      var storedWeights =
          store.put(
              "runs/"
                  + runId
                  + "/model/"
                  + dev.ovid.registry.common.Sha256.of(weights)
                  + ".weights",
              weights);
      var entries =
          vocabularies.labels(vocabulary.name).stream()
              .map(l -> new dev.ovid.model.embeddings.LabelEntry(String.valueOf(l.id), l.name))
              .toList();
      var database =
          dev.ovid.model.embeddings.LabelEmbeddingDatabase.build(
              entries,
              names -> {
                try (var scope = model.manager().newSubManager()) {
                  return dev.ovid.model.embeddings.BatchLabelEncoder.fromNDArray(
                          n -> model.embedLabels(n, scope))
                      .encode(names);
                }
              },
              dev.ovid.model.embeddings.LabelEmbeddingDatabase.DEFAULT_BATCH_SIZE,
              modelName);
      Path file = dir.resolve("labels.ovidemb");
      database.save(file);
      var storedLabels =
          store.put(
              "runs/"
                  + runId
                  + "/label-embeddings/"
                  + dev.ovid.registry.common.Sha256.of(file)
                  + ".ovidemb",
              file);
      return runs.recordModelVersion(
              runId,
              new dev.ovid.registry.model.NewModelVersion(
                  modelName,
                  storedWeights.uri(),
                  storedWeights.sha256(),
                  storedLabels.uri(),
                  storedLabels.sha256(),
                  null),
              "test")
          .id;
    }
  }
}
