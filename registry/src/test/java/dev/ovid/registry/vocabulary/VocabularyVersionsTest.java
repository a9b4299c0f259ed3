package dev.ovid.registry.vocabulary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabularyVersionsTest {
  @Inject VocabularyService vocabularies;
  @Inject VocabularyVersions versions;
  @Inject ObjectStore store;

  private String vocabulary(String... labels) {
    String name = "versions-" + UUID.randomUUID();
    vocabularies.create(name, null, "po");
    for (String label : labels) vocabularies.addLabel(name, label, "po");
    return name;
  }

  @Test
  void publishFreezesTheDraftAsRowsAndAContentAddressedObject() {
    String name = vocabulary("football", "tennis");
    VocabularyVersion v1 = versions.publish(name, "first", "po");
    assertEquals(1, v1.version);
    assertEquals(2, v1.labelCount);
    byte[] stored = store.getBytes(S3Location.parse(v1.objectUri).key());
    assertEquals(v1.sha256, Sha256.of(stored));
    assertTrue(v1.objectUri.endsWith(v1.sha256 + ".json"), v1.objectUri);

    // Later draft edits never change the published version.
    vocabularies.addLabel(name, "Skiing", "po");
    vocabularies.removeLabel(name, "tennis", "po");
    assertEquals(
        List.of("football", "tennis"),
        versions.labels(v1.id).stream().map(VersionedLabel::name).toList());
    assertArrayEquals(stored, store.getBytes(S3Location.parse(v1.objectUri).key()));

    VocabularyVersion v2 = versions.publish(name, null, "po");
    assertEquals(2, v2.version);
    assertEquals(v2.id, versions.resolve(name, null).id, "latest by default");
    assertEquals(v1.id, versions.resolve(name, 1).id);
    assertThrows(NotFoundException.class, () -> versions.resolve(name, 9));
  }

  @Test
  void theDatabaseRefusesToChangeAPublishedVersion() {
    String name = vocabulary("cat");
    VocabularyVersion v1 = versions.publish(name, null, "po");
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        VocabularyVersionLabel.update(
                            "name = 'dog' where vocabularyVersion.id = ?1", v1.id)));
    assertEquals("cat", versions.labels(v1.id).get(0).name());
  }

  @Test
  void sameLabelsGiveTheSameObjectAndNothingNewIsAConflict() {
    String a = vocabulary("red", "blue");
    String b = vocabulary("blue", "red");
    VocabularyVersion va = versions.publish(a, null, "po");
    VocabularyVersion vb = versions.publish(b, null, "po");
    assertEquals(va.sha256, vb.sha256);
    ConflictException e =
        assertThrows(ConflictException.class, () -> versions.publish(a, null, "po"));
    assertTrue(e.getMessage().contains("equals version 1"), e.getMessage());
    assertThrows(ValidationException.class, () -> versions.publish(vocabulary(), null, "po"));
  }

  @Test
  void diffListsAddedRemovedAndChangedLabels() {
    String name = vocabulary("football", "tennis", "golf");
    versions.publish(name, null, "po");
    vocabularies.removeLabel(name, "golf", "po");
    vocabularies.addLabel(name, "rugby", "po");
    vocabularies.editLabel(
        name,
        "tennis",
        LabelKind.ACTION,
        "hitting a ball over a net",
        List.of("lawn tennis"),
        "po");
    assertTrue(versions.draftChanged(name));
    versions.publish(name, null, "po");

    VocabularyDiff diff = versions.diff(name, 1, 2);
    assertEquals(List.of("rugby"), diff.added().stream().map(VersionedLabel::name).toList());
    assertEquals(List.of("golf"), diff.removed().stream().map(VersionedLabel::name).toList());
    assertEquals(1, diff.changed().size());
    assertEquals("tennis", diff.changed().get(0).name());
    assertEquals(LabelKind.ACTION, diff.changed().get(0).after().kind());
    assertEquals(List.of("lawn tennis"), diff.changed().get(0).after().synonyms());
    assertTrue(versions.diff(name, 2, null).empty(), "the draft equals version 2");
  }

  @Test
  void labelNamesAreValidatedOneByOneAndCaseInsensitivelyUnique() {
    String name = vocabulary("Football");
    ConflictException dup =
        assertThrows(
            ConflictException.class, () -> vocabularies.addLabel(name, " football ", "po"));
    assertTrue(dup.getMessage().contains("'football'"), dup.getMessage());
    ValidationException bad =
        assertThrows(
            ValidationException.class,
            () ->
                vocabularies.addLabels(
                    name,
                    List.of(
                        NewLabel.human("ok", "ui"),
                        NewLabel.human("   ", "ui"),
                        NewLabel.human("x".repeat(201), "ui")),
                    "po"));
    assertTrue(bad.getMessage().contains("label 2 '   ': the name is empty"), bad.getMessage());
    assertTrue(bad.getMessage().contains("longer than 200 characters"), bad.getMessage());
    assertEquals(1, vocabularies.labels(name).size(), "nothing was added");
    vocabularies.addLabel(name, "  padded  ", "po");
    assertTrue(vocabularies.labels(name).stream().anyMatch(l -> l.name.equals("padded")));
  }
}
