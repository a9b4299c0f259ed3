package dev.ovid.activities.inference;

import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.core.OvidModel;
import dev.ovid.registry.model.ModelVersion;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Model versions kept loaded between classifications (loading costs more than one inference), the
 * least recently used closed beyond {@link #CAPACITY}. Calls on one model are serialised.
 */
@ApplicationScoped
public class LoadedModels {
  static final int CAPACITY = 2;

  @Inject PipelineModels models;

  private final Map<Long, OvidModel> loaded = new LinkedHashMap<>(4, 0.75f, true);

  public synchronized <T> T with(ModelVersion version, Function<OvidModel, T> work) {
    OvidModel model = loaded.get(version.id);
    if (model == null) {
      model = models.load(version);
      loaded.put(version.id, model);
      while (loaded.size() > CAPACITY) {
        Long eldest = loaded.keySet().iterator().next();
        loaded.remove(eldest).close();
      }
    }
    return work.apply(model);
  }

  synchronized void close(@Observes ShutdownEvent event) {
    loaded.values().forEach(OvidModel::close);
    loaded.clear();
  }
}
