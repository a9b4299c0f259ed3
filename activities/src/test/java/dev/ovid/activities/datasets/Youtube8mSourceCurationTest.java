package dev.ovid.activities.datasets;

import static dev.ovid.activities.datasets.CurationFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.protobuf.ByteString;
import dev.ovid.activities.ingestion.tfrecord.TfRecordWriter;
import dev.ovid.activities.ingestion.tfrecord.proto.BytesList;
import dev.ovid.activities.ingestion.tfrecord.proto.Example;
import dev.ovid.activities.ingestion.tfrecord.proto.Feature;
import dev.ovid.activities.ingestion.tfrecord.proto.Features;
import dev.ovid.activities.ingestion.tfrecord.proto.FloatList;
import dev.ovid.activities.ingestion.tfrecord.proto.Int64List;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.NewDatasetSource;
import dev.ovid.registry.dataset.UnreadableVideoHandling;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.CurationRequest;
import dev.ovid.workflows.curation.DatasetVersionRef;
import io.quarkus.test.junit.QuarkusTest;
import io.temporal.testing.TestActivityEnvironment;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YouTube-8M source through the real curation activity: the vocabulary is curated with the
 * source's rules (a game title and a rare label removed), the TFRecord's label ids are mapped onto
 * the curated names, videos left without labels are dropped, and the report says all of it.
 */
@QuarkusTest
class Youtube8mSourceCurationTest {
  @Inject CurationActivities curation;
  @Inject DatasetSourceService sources;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject VocabularyService vocabularies;
  @Inject RunRegistry runs;

  @TempDir Path dir;
  private TestActivityEnvironment env;

  @BeforeEach
  void environment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(curation);
  }

  @AfterEach
  void close() {
    env.close();
  }

  private static final String VOCABULARY_CSV =
      "Index,TrainVideoCount,KnowledgeGraphId,Name,WikiUrl,Vertical1,Vertical2,Vertical3,WikiDescription\n"
          + "0,5000,/m/red,red,,Arts & Entertainment,,,\"A colour, warm\"\n"
          + "1,4000,/m/circle,circle,,Science,,,A shape\n"
          + "2,9000,/m/minecraft,Minecraft,,Games,,,A video game\n"
          + "3,50,/m/blue,blue,,Arts & Entertainment,,,A rare colour\n";

  private static byte[] example(String id, long... labels) {
    var features =
        Features.newBuilder()
            .putFeature(
                "id",
                Feature.newBuilder()
                    .setBytesList(BytesList.newBuilder().addValue(ByteString.copyFromUtf8(id)))
                    .build())
            .putFeature(
                "labels",
                Feature.newBuilder()
                    .setInt64List(
                        Int64List.newBuilder()
                            .addAllValue(java.util.Arrays.stream(labels).boxed().toList()))
                    .build())
            .putFeature(
                "mean_rgb",
                Feature.newBuilder()
                    .setFloatList(
                        FloatList.newBuilder().addAllValue(Collections.nCopies(1024, 0.5f)))
                    .build())
            .putFeature(
                "mean_audio",
                Feature.newBuilder()
                    .setFloatList(
                        FloatList.newBuilder().addAllValue(Collections.nCopies(128, 0.1f)))
                    .build());
    return Example.newBuilder().setFeatures(features).build().toByteArray();
  }

  private String register(String name, Path tfrecord, String rulesJson) throws Exception {
    Path vocabulary = Files.writeString(dir.resolve("vocabulary.csv"), VOCABULARY_CSV);
    sources.register(
        new NewDatasetSource(
            name,
            DatasetSourceKind.YT8M_TFRECORD,
            tfrecord.toString(),
            dir.resolve("videos").toString(),
            UnreadableVideoHandling.FAIL,
            null,
            vocabulary.toString(),
            rulesJson),
        "test");
    return name;
  }

  @Test
  void curatesTheVocabularyMapsLabelIdsAndReportsWhatWasRemoved() throws Exception {
    Path videos = Files.createDirectories(dir.resolve("videos"));
    video(videos, "v1.mp4", "red", "circle");
    video(videos, "v3.mp4", "red", "square");
    Path tfrecord = dir.resolve("train0000.tfrecord");
    try (OutputStream out = Files.newOutputStream(tfrecord);
        TfRecordWriter writer = new TfRecordWriter(out)) {
      writer.write(example("v1", 0, 1));
      writer.write(example("v2", 2)); // only a game title: dropped with it
      writer.write(example("v3", 3, 0)); // the rare label goes, red stays
    }
    String name =
        register(
            unique("yt8m"), tfrecord, "{\"excludeVerticals\":[\"Games\"],\"minTrainVideos\":100}");
    Vocabulary vocabulary = vocabulary(vocabularies, "red", "circle", "blue");
    long runId = run(runs, name, vocabulary);

    DatasetVersionRef ref =
        stub(env, CurationActivities.class).curate(new CurationRequest(runId, name, vocabulary.id));

    var version = datasets.get(ref.datasetVersionId());
    List<ManifestEntry> entries = contents.entries(version);
    assertEquals(List.of("v1", "v3"), entries.stream().map(ManifestEntry::id).toList());
    assertEquals(List.of("red", "circle"), entries.get(0).labels());
    assertEquals(List.of("red"), entries.get(1).labels());
    assertTrue(entries.stream().allMatch(e -> e.split().equals("train")));
    Map<String, Object> report = contents.report(version);
    @SuppressWarnings("unchecked")
    Map<String, Object> vocabularyReport = (Map<String, Object>) report.get("vocabularyCuration");
    assertEquals(4, ((Number) vocabularyReport.get("input")).intValue());
    assertEquals(2, ((Number) vocabularyReport.get("kept")).intValue());
    @SuppressWarnings("unchecked")
    Map<String, Object> tfrecordStats = (Map<String, Object>) report.get("tfrecord");
    assertEquals(3, ((Number) tfrecordStats.get("records")).intValue());
    assertEquals(1, ((Number) tfrecordStats.get("videosDroppedNoLabels")).intValue());
    assertTrue(version.curationConfigJson.contains("minTrainVideos"), version.curationConfigJson);
  }

  @Test
  void aCorruptTfRecordIsRefusedWithItsOffsetAndRegistersNothing() throws Exception {
    Path tfrecord = dir.resolve("train0001.tfrecord");
    try (OutputStream out = Files.newOutputStream(tfrecord);
        TfRecordWriter writer = new TfRecordWriter(out)) {
      writer.write(example("v1", 0));
    }
    byte[] bytes = Files.readAllBytes(tfrecord);
    bytes[bytes.length - 6] ^= 0x5a; // corrupt the record's data: its CRC no longer matches
    Files.write(tfrecord, bytes);
    String name = register(unique("yt8m-bad"), tfrecord, null);
    Vocabulary vocabulary = vocabulary(vocabularies, "red");
    long runId = run(runs, name, vocabulary);

    String message = curationFailure(env, runId, name, vocabulary.id);
    assertTrue(message.contains(tfrecord.toString()), message);
    assertTrue(message.contains("offset"), message);
    assertTrue(datasets.list().stream().noneMatch(v -> v.datasetName.equals(name)));
  }
}
