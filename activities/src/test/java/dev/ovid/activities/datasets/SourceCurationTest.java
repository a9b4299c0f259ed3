package dev.ovid.activities.datasets;

import static dev.ovid.activities.datasets.CurationFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.NewDatasetSource;
import dev.ovid.registry.dataset.UnreadableVideoHandling;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.CurationHeartbeat;
import dev.ovid.workflows.curation.CurationRequest;
import dev.ovid.workflows.curation.DatasetVersionRef;
import io.quarkus.test.junit.QuarkusTest;
import io.temporal.testing.TestActivityEnvironment;
import jakarta.inject.Inject;
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
 * Curation of registered sources (Kinetics CSV and manifest on disk) by the real activity, against
 * PostgreSQL, MinIO and MLflow.
 */
@QuarkusTest
class SourceCurationTest {
  @Inject CurationActivities curation;
  @Inject DatasetSourceService sources;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject VocabularyService vocabularies;
  @Inject RunRegistry runs;
  @Inject ObjectStore store;

  @TempDir Path dir;
  private TestActivityEnvironment env;
  private final List<CurationHeartbeat> heartbeats = new CopyOnWriteArrayList<>();

  @BeforeEach
  void environment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(curation);
    env.setActivityHeartbeatListener(CurationHeartbeat.class, heartbeats::add);
  }

  @AfterEach
  void close() {
    env.close();
  }

  /** Two good clips, one broken, one whose only label is outside the vocabulary. */
  private String kineticsCsv() throws Exception {
    Path videos = Files.createDirectories(dir.resolve("videos"));
    video(videos, "aaa_000000_000010.mp4", "red", "circle");
    video(videos, "bbb_000005_000015.mp4", "blue", "square");
    brokenVideo(videos, "broken_000000_000010.mp4");
    Path csv = dir.resolve("kinetics.csv");
    Files.writeString(
        csv,
        "label,youtube_id,time_start,time_end,split\n"
            + "red,aaa,0,10,train\n"
            + "circle,aaa,0,10,train\n"
            + "blue,bbb,5,15,eval\n"
            + "red,broken,0,10,train\n"
            + "zebra,ccc,0,10,train\n");
    return csv.toString();
  }

  private String register(
      String name, DatasetSourceKind kind, String location, UnreadableVideoHandling policy) {
    sources.register(
        new NewDatasetSource(name, kind, location, dir.resolve("videos").toString(), policy, null),
        "test");
    return name;
  }

  @Test
  void kineticsSourceUnderSkipListsTheBrokenVideoInTheReport() throws Exception {
    String name =
        register(
            unique("kin-skip"),
            DatasetSourceKind.KINETICS_CSV,
            kineticsCsv(),
            UnreadableVideoHandling.SKIP);
    Vocabulary vocabulary = vocabulary(vocabularies, "red", "circle", "blue");
    long runId = run(runs, name, vocabulary);
    CurationActivities stub = stub(env, CurationActivities.class);

    DatasetVersionRef ref = stub.curate(new CurationRequest(runId, name, vocabulary.id));

    assertEquals(2, ref.videoCount());
    assertEquals(3, ref.labelCount());
    var version = datasets.get(ref.datasetVersionId());
    assertEquals(name, version.datasetName);
    List<ManifestEntry> entries = contents.entries(version);
    assertEquals(
        List.of("aaa_000000_000010", "bbb_000005_000015"),
        entries.stream().map(ManifestEntry::id).toList());
    assertEquals(List.of("red", "circle"), entries.get(0).labels());
    for (ManifestEntry e : entries) {
      S3Location at = S3Location.parse(e.uri());
      assertEquals("datasets/" + name + "/videos/" + e.sha256() + ".mp4", at.key());
      assertEquals(e.sha256(), store.stat(at.key()).orElseThrow().sha256());
    }

    Map<String, Object> report = contents.report(version);
    assertEquals(
        5 - 1, ((Number) report.get("videosIn")).intValue(), "aaa's two rows are one clip");
    assertEquals(1, ((Number) report.get("videosDroppedWithoutLabels")).intValue());
    assertEquals(Map.of("zebra", 1), report.get("labelsDroppedNotInVocabulary"));
    @SuppressWarnings("unchecked")
    var unreadable = (List<Map<String, Object>>) report.get("videosUnreadable");
    assertEquals(1, unreadable.size(), "report: " + report);
    assertEquals(
        dir.resolve("videos/broken_000000_000010.mp4").toString(), unreadable.get(0).get("uri"));
    assertFalse(String.valueOf(unreadable.get(0).get("reason")).isBlank());

    // Temporal throttles heartbeats, so only some arrive; each says "n of 3".
    assertFalse(heartbeats.isEmpty());
    assertTrue(
        heartbeats.stream().allMatch(h -> h.videosTotal() == 3 && h.videosDone() >= 1),
        heartbeats.toString());
    assertEquals(version.id, runs.get(runId).datasetVersion.id);

    // A retry (same source, same vocabulary) finds the same version: nothing is stored twice.
    assertEquals(
        ref.datasetVersionId(),
        stub.curate(new CurationRequest(runId, name, vocabulary.id)).datasetVersionId());
  }

  @Test
  void kineticsSourceUnderFailNamesTheBrokenVideoAndRegistersNothing() throws Exception {
    String name =
        register(
            unique("kin-fail"),
            DatasetSourceKind.KINETICS_CSV,
            kineticsCsv(),
            UnreadableVideoHandling.FAIL);
    Vocabulary vocabulary = vocabulary(vocabularies, "red", "circle", "blue");
    long runId = run(runs, name, vocabulary);

    String message = curationFailure(env, runId, name, vocabulary.id);
    assertTrue(
        message.contains(dir.resolve("videos/broken_000000_000010.mp4").toString()), message);
    assertTrue(message.contains("policy FAIL"), message);
    assertThrows(NotFoundException.class, () -> datasets.latest(name));
  }

  @Test
  void malformedManifestLineIsNamedAndEarlierVersionsStayIntact() throws Exception {
    Path videos = Files.createDirectories(dir.resolve("videos"));
    Path a = video(videos, "a.mp4", "red", "circle");
    Path b = video(videos, "b.mp4", "blue", "square");
    Path manifest = dir.resolve("manifest.jsonl");
    Files.writeString(
        manifest,
        "{\"id\":\"a\",\"uri\":\""
            + a
            + "\",\"labels\":[\"red\"],\"split\":\"train\"}\n"
            + "{\"id\":\"b\",\"uri\":\""
            + b
            + "\",\"labels\":[\"blue\"],\"split\":\"eval\"}\n");
    String name = register(unique("man"), DatasetSourceKind.MANIFEST, manifest.toString(), null);
    Vocabulary vocabulary = vocabulary(vocabularies, "red", "blue");
    var first =
        stub(env, CurationActivities.class)
            .curate(new CurationRequest(run(runs, name, vocabulary), name, vocabulary.id));
    var v1 = datasets.get(first.datasetVersionId());
    List<ManifestEntry> before = contents.entries(v1);

    // The same file, now with a broken third line.
    Files.writeString(
        manifest,
        Files.readString(manifest)
            + "{\"id\":\"c\",\"uri\":\""
            + a
            + "\",\"labels\":\"red\",\"split\"\n");
    long secondRun = run(runs, name, vocabulary);
    String message = curationFailure(env, secondRun, name, vocabulary.id);
    assertTrue(message.startsWith(manifest + ":3: "), message);
    assertEquals(v1.id, datasets.latest(name).id, "no new version");
    assertEquals(before, contents.entries(datasets.find(name, 1)), "v1 is unchanged");
    assertNull(runs.get(secondRun).datasetVersion);
  }

  @Test
  void manifestAndVideosInTheObjectStoreAreCuratedToo() throws Exception {
    String name = unique("s3man");
    Path a = video(dir, "a.mp4", "red", "circle");
    Path b = brokenVideo(dir, "b.mp4");
    String prefix = "incoming/" + name + "/";
    String aUri = store.put(prefix + "a.mp4", a).uri();
    String bUri = store.put(prefix + "b.mp4", b).uri();
    String manifest =
        "{\"id\":\"a\",\"uri\":\""
            + aUri
            + "\",\"labels\":[\"red\",\"zebra\"],\"split\":\"train\"}\n"
            + "{\"id\":\"b\",\"uri\":\""
            + bUri
            + "\",\"labels\":[\"red\"],\"split\":\"eval\"}\n"
            + "{\"id\":\"gone\",\"uri\":\"s3://ovid-artifacts/"
            + prefix
            + "gone.mp4\",\"labels\":[\"red\"],\"split\":\"eval\"}\n";
    String location =
        store
            .put(
                prefix + "manifest.jsonl",
                manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .uri();
    sources.register(
        new NewDatasetSource(
            name, DatasetSourceKind.MANIFEST, location, null, UnreadableVideoHandling.SKIP, null),
        "test");
    Vocabulary vocabulary = vocabulary(vocabularies, "red");

    DatasetVersionRef ref =
        stub(env, CurationActivities.class)
            .curate(new CurationRequest(run(runs, name, vocabulary), name, vocabulary.id));

    var version = datasets.get(ref.datasetVersionId());
    List<ManifestEntry> entries = contents.entries(version);
    assertEquals(1, entries.size());
    assertEquals(List.of("red"), entries.get(0).labels());
    assertTrue(
        entries.get(0).uri().contains("/datasets/" + name + "/videos/"), entries.get(0).uri());
    Map<String, Object> report = contents.report(version);
    @SuppressWarnings("unchecked")
    var unreadable = (List<Map<String, Object>>) report.get("videosUnreadable");
    assertEquals(
        List.of(bUri, "s3://ovid-artifacts/" + prefix + "gone.mp4"),
        unreadable.stream().map(u -> u.get("uri")).toList());
    assertEquals(Map.of("zebra", 1), report.get("labelsDroppedNotInVocabulary"));
  }
}
