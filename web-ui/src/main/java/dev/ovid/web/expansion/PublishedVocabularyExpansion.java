package dev.ovid.web.expansion;

import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Publishing a vocabulary expands it for the production model, in the background: the version is
 * published either way, and a classification expands on demand what was not expanded yet.
 */
@ApplicationScoped
public class PublishedVocabularyExpansion {
  private static final Logger LOG = Logger.getLogger(PublishedVocabularyExpansion.class);

  @Inject ModelRegistry models;
  @Inject ExpansionLauncher launcher;

  /** The expansion's workflow id, or empty when there is no production model yet. */
  public Optional<String> expandForProduction(long vocabularyVersionId, String actor) {
    Optional<ModelVersion> production = models.aliased(models.modelName(), ModelAlias.PRODUCTION);
    if (production.isEmpty()) return Optional.empty();
    try {
      return Optional.of(launcher.start(production.get().id, vocabularyVersionId, actor));
    } catch (RuntimeException e) {
      LOG.warnf(
          e,
          "published vocabulary version %d but could not start its expansion for model version"
              + " %d; it will be expanded on its first classification",
          vocabularyVersionId,
          production.get().id);
      return Optional.empty();
    }
  }
}
