package dev.ovid.web.runs;

import dev.ovid.registry.dataset.demo.DemoVocabulary;
import dev.ovid.registry.vocabulary.Vocabulary;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the demo pipeline launchable on a fresh install: creates the demo vocabulary once. */
@ApplicationScoped
public class DemoSeeder {
  @Inject DemoVocabulary demo;

  /** Whether to create the demo vocabulary at start-up (ovid.demo.seed). */
  @ConfigProperty(name = "ovid.demo.seed")
  boolean seed;

  void onStart(@Observes StartupEvent event) {
    if (seed) ensureDemoVocabulary();
  }

  public Vocabulary ensureDemoVocabulary() {
    return demo.ensure();
  }
}
