package dev.ovid.registry.tracking;

import dev.ovid.registry.objectstore.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the {@link MlflowTracker} for the {@code ovid.mlflow.*} configuration a CDI bean. */
@ApplicationScoped
public class MlflowTrackerProducer {

  @Produces
  @Singleton
  MlflowTracker mlflowTracker(MlflowSettings settings, ObjectStore objectStore) {
    return new MlflowTracker(settings.toConfig(), objectStore);
  }

  void close(@Disposes MlflowTracker tracker) {
    tracker.close();
  }
}
