package dev.ovid.registry.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetSourceServiceTest {
  @Inject DatasetSourceService sources;
  @Inject AuditLog audit;

  @Test
  void registersASourceOnceAndAuditsIt() {
    String name = "kinetics-" + UUID.randomUUID();
    DatasetSource source =
        sources.register(
            new NewDatasetSource(
                name,
                DatasetSourceKind.KINETICS_CSV,
                "/data/kinetics/train.csv",
                "/data/kinetics/videos",
                UnreadableVideoHandling.SKIP,
                "a few clips"),
            "alice");

    assertEquals(name, sources.get(name).name);
    assertEquals(UnreadableVideoHandling.SKIP, sources.get(name).unreadablePolicy);
    assertEquals("alice", source.createdBy);
    assertTrue(sources.list().stream().anyMatch(s -> s.name.equals(name)));
    var events = audit.history("dataset-source", source.id);
    assertEquals(1, events.size());
    assertEquals("dataset.source-registered", events.get(0).action);
    assertTrue(events.get(0).detailJson.contains("/data/kinetics/train.csv"));

    var again =
        new NewDatasetSource(
            name, DatasetSourceKind.MANIFEST, "s3://ovid-artifacts/m.jsonl", null, null, null);
    assertThrows(ConflictException.class, () -> sources.register(again, "bob"));
  }

  @Test
  void manifestSourcesDefaultToFailAndNeedNoVideoRoot() {
    String name = "manifest-" + UUID.randomUUID();
    DatasetSource source =
        sources.register(
            new NewDatasetSource(
                name, DatasetSourceKind.MANIFEST, "s3://ovid-artifacts/m.jsonl", " ", null, null),
            "alice");
    assertEquals(UnreadableVideoHandling.FAIL, source.unreadablePolicy);
    assertNull(source.videoRoot);
  }

  @Test
  void rejectsEveryProblemAtOnceAndStoresNothing() {
    String name = "bad name " + UUID.randomUUID();
    var bad = new NewDatasetSource(name, DatasetSourceKind.KINETICS_CSV, "", null, null, null);
    ValidationException e =
        assertThrows(ValidationException.class, () -> sources.register(bad, "alice"));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
    assertTrue(e.getMessage().contains("location"), e.getMessage());
    assertTrue(e.getMessage().contains("videoRoot"), e.getMessage());
    assertThrows(NotFoundException.class, () -> sources.get(name));

    var reserved = new NewDatasetSource("demo", DatasetSourceKind.MANIFEST, "/m", null, null, null);
    assertThrows(ValidationException.class, () -> sources.register(reserved, "alice"));
  }

  @Test
  void youtube8mSourcesNeedAVocabularyAVideoRootAndRulesThatAreJson() {
    var spec =
        new NewDatasetSource(
            "yt8m-" + UUID.randomUUID(),
            DatasetSourceKind.YT8M_TFRECORD,
            "/data/train0000.tfrecord",
            null,
            null,
            null,
            null,
            "{not json");
    var problems = DatasetSourceService.problems(spec);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("videoRoot")), problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("vocabularyLocation")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("curationRules")), problems.toString());
  }
}
