package dev.ovid.registry.dataset.demo;

import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** The vocabulary of the generated demo dataset, created once so the demo pipeline can run. */
@ApplicationScoped
public class DemoVocabulary {
  public static final String ACTOR = "system:seed";
  private static final Logger LOG = Logger.getLogger(DemoVocabulary.class);

  /** Labels of the demo dataset before it became the shapes benchmark. */
  private static final List<String> RETIRED_LABELS =
      List.of("red", "green", "blue", "yellow", "square", "circle", "triangle");

  @Inject VocabularyService vocabularies;
  @Inject VocabularyVersions versions;

  /** The demo vocabulary, created and published when missing (or never published). */
  public Vocabulary ensure() {
    var existing = Vocabulary.findByName(DemoDataset.VOCABULARY);
    if (existing.isPresent()) {
      String name = existing.get().name;
      if (upgradeRetiredLabels(name)) {
        versions.publish(name, "demo vocabulary: the shapes benchmark's labels", ACTOR);
      } else if (versions.latest(name).isEmpty() && !vocabularies.labels(name).isEmpty()) {
        versions.publish(name, "demo vocabulary", ACTOR);
      }
      return vocabularies.find(name);
    }
    Vocabulary vocabulary =
        vocabularies.create(
            DemoDataset.VOCABULARY,
            "Labels of Ovid's generated demo dataset: shapes (red circle) and motions (moving left)",
            ACTOR);
    List<NewLabel> labels =
        DemoDataset.labels().stream().map(l -> NewLabel.human(l, "demo-dataset")).toList();
    vocabularies.addLabels(vocabulary.name, labels, ACTOR);
    versions.publish(vocabulary.name, "demo vocabulary", ACTOR);
    LOG.infof("created demo vocabulary '%s' with %d labels", vocabulary.name, labels.size());
    return vocabularies.find(vocabulary.name);
  }

  /**
   * A demo vocabulary seeded before the demo dataset became the shapes benchmark carries single
   * colours and shapes ("red", "circle") that no clip is labelled with any more: replace them with
   * the entity labels. Returns whether anything changed.
   */
  private boolean upgradeRetiredLabels(String name) {
    List<String> present = vocabularies.labels(name).stream().map(l -> l.name).toList();
    List<String> retired = present.stream().filter(RETIRED_LABELS::contains).toList();
    if (retired.isEmpty()) {
      return false;
    }
    retired.forEach(l -> vocabularies.removeLabel(name, l, ACTOR));
    List<NewLabel> missing =
        DemoDataset.labels().stream()
            .filter(l -> !present.contains(l))
            .map(l -> NewLabel.human(l, "demo-dataset"))
            .toList();
    vocabularies.addLabels(name, missing, ACTOR);
    LOG.infof("demo vocabulary '%s': replaced %s by the shapes benchmark's labels", name, retired);
    return true;
  }
}
