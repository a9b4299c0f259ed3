package dev.ovid.web.runs;

import dev.ovid.activities.curation.demo.DemoDataset;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the demo pipeline launchable on a fresh install: creates the demo vocabulary (the labels of
 * the generated demo dataset) once, if no vocabulary of that name exists.
 */
@ApplicationScoped
public class DemoSeeder {
  public static final String ACTOR = "system:seed";
  private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

  @Inject VocabularyService vocabularies;

  /** Whether to create the demo vocabulary at start-up. */
  @ConfigProperty(name = "ovid.demo.seed", defaultValue = "true")
  boolean seed;

  void onStart(@Observes StartupEvent event) {
    if (seed) ensureDemoVocabulary();
  }

  public Vocabulary ensureDemoVocabulary() {
    var existing = Vocabulary.findByName(DemoDataset.VOCABULARY);
    if (existing.isPresent()) return existing.get();
    Vocabulary vocabulary =
        vocabularies.create(
            DemoDataset.VOCABULARY,
            "Labels of Ovid's generated demo dataset: colours, shapes and motions",
            ACTOR);
    List<NewLabel> labels =
        DemoDataset.labels().stream().map(l -> NewLabel.human(l, "demo-dataset")).toList();
    vocabularies.addLabels(vocabulary.name, labels, ACTOR);
    LOG.infof("created demo vocabulary '%s' with %d labels", vocabulary.name, labels.size());
    return vocabularies.find(vocabulary.name);
  }
}
