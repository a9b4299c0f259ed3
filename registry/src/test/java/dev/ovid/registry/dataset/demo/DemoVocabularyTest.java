package dev.ovid.registry.dataset.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoVocabularyTest {
  @Inject DemoVocabulary demo;
  @Inject VocabularyService vocabularies;
  @Inject VocabularyVersions versions;

  private Set<String> labels() {
    return vocabularies.labels(DemoDataset.VOCABULARY).stream()
        .map(l -> l.name)
        .collect(Collectors.toSet());
  }

  @Test
  void holdsTheShapesBenchmarksLabelsAndUpgradesAnOlderDemoVocabulary() {
    demo.ensure();
    assertEquals(Set.copyOf(DemoDataset.labels()), labels());

    // As an Ovid from before the shapes benchmark seeded it: single colours and shapes.
    String name = DemoDataset.VOCABULARY;
    DemoDataset.entityLabels().forEach(l -> vocabularies.removeLabel(name, l, "test"));
    vocabularies.addLabels(
        name,
        List.of("red", "green", "blue", "yellow", "square", "circle", "triangle").stream()
            .map(l -> NewLabel.human(l, "demo-dataset"))
            .toList(),
        "test");
    versions.publish(name, "the old demo vocabulary", "test");
    int old = versions.latest(name).orElseThrow().version;

    demo.ensure();

    assertEquals(Set.copyOf(DemoDataset.labels()), labels());
    var latest = versions.latest(name).orElseThrow();
    assertEquals(old + 1, latest.version, "the upgrade is published as a new version");
    assertEquals(16, latest.labelCount);
    demo.ensure();
    assertEquals(latest.version, versions.latest(name).orElseThrow().version, "idempotent");
  }
}
