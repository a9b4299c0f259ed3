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

  @Inject VocabularyService vocabularies;
  @Inject VocabularyVersions versions;

  /** The demo vocabulary, created and published when missing (or never published). */
  public Vocabulary ensure() {
    var existing = Vocabulary.findByName(DemoDataset.VOCABULARY);
    if (existing.isPresent()) {
      if (versions.latest(existing.get().name).isEmpty()
          && !vocabularies.labels(existing.get().name).isEmpty()) {
        versions.publish(existing.get().name, "demo vocabulary", ACTOR);
      }
      return existing.get();
    }
    Vocabulary vocabulary =
        vocabularies.create(
            DemoDataset.VOCABULARY,
            "Labels of Ovid's generated demo dataset: colours, shapes and motions",
            ACTOR);
    List<NewLabel> labels =
        DemoDataset.labels().stream().map(l -> NewLabel.human(l, "demo-dataset")).toList();
    vocabularies.addLabels(vocabulary.name, labels, ACTOR);
    versions.publish(vocabulary.name, "demo vocabulary", ACTOR);
    LOG.infof("created demo vocabulary '%s' with %d labels", vocabulary.name, labels.size());
    return vocabularies.find(vocabulary.name);
  }
}
