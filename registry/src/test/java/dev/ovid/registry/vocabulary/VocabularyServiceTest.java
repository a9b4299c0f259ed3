package dev.ovid.registry.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabularyServiceTest {
  @Inject VocabularyService vocabularies;
  @Inject AuditLog audit;

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID();
  }

  @Test
  void everyChangeBumpsTheVersionAndIsAudited() {
    String name = unique("sports");
    Vocabulary created = vocabularies.create(name, "ball games", "alice");
    assertEquals(1, created.version);

    vocabularies.addLabel(name, "football", "alice");
    vocabularies.addLabels(
        name,
        List.of(
            NewLabel.synthetic("futsal", "expansion:run-1", 0.83), NewLabel.human("tennis", "ui")),
        "bob");
    vocabularies.removeLabel(name, "tennis", "alice");

    Vocabulary now = vocabularies.find(name);
    assertEquals(4, now.version);
    List<Label> labels = vocabularies.labels(name);
    assertEquals(List.of("football", "futsal"), labels.stream().map(l -> l.name).toList());
    assertEquals(Provenance.SYNTHETIC, labels.get(1).provenance);
    assertEquals(0.83, labels.get(1).score);
    assertEquals(
        List.of(
            "vocabulary.created",
            "vocabulary.labels-added",
            "vocabulary.labels-added",
            "vocabulary.label-removed"),
        audit.history("vocabulary", created.id).stream().map(e -> e.action).toList());
  }

  @Test
  void duplicatesAreConflictsAndChangeNothing() {
    String name = unique("animals");
    vocabularies.create(name, null, "alice");
    vocabularies.addLabel(name, "cat", "alice");

    assertThrows(ConflictException.class, () -> vocabularies.create(name, null, "bob"));
    ConflictException e =
        assertThrows(
            ConflictException.class,
            () ->
                vocabularies.addLabels(
                    name,
                    List.of(NewLabel.human("dog", "ui"), NewLabel.human("cat", "ui")),
                    "bob"));
    assertTrue(e.getMessage().contains("'cat'"), e.getMessage());
    assertThrows(
        ConflictException.class,
        () ->
            vocabularies.addLabels(
                name, List.of(NewLabel.human("owl", "ui"), NewLabel.human("owl", "ui")), "bob"));

    assertEquals(List.of("cat"), vocabularies.labels(name).stream().map(l -> l.name).toList());
    assertEquals(2, vocabularies.find(name).version);
  }

  @Test
  void unknownNamesAreNotFoundAndBlankNamesInvalid() {
    assertThrows(NotFoundException.class, () -> vocabularies.find(unique("missing")));
    assertThrows(NotFoundException.class, () -> vocabularies.addLabel(unique("missing"), "x", "a"));
    String name = unique("v");
    vocabularies.create(name, null, "alice");
    assertThrows(NotFoundException.class, () -> vocabularies.removeLabel(name, "nope", "alice"));
    assertThrows(ValidationException.class, () -> vocabularies.create("  ", null, "alice"));
    assertThrows(ValidationException.class, () -> vocabularies.addLabel(name, "", "alice"));
  }
}
