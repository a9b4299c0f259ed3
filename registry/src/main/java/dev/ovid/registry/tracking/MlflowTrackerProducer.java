package dev.ovid.registry.tracking;

import dev.ovid.registry.objectstore.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the {@link MlflowTracker} for the {@code ovid.mlflow.*} configuration a CDI bean. */
@ApplicationScoped
public class MlflowTrackerProducer {

  @Produces
  @Singleton
  MlflowTracker mlflowTracker(ObjectStore objectStore) {
    return new MlflowTracker(MlflowConfig.from(ConfigProvider.getConfig()), objectStore);
  }

  void close(@Disposes MlflowTracker tracker) {
    tracker.close();
  }
}
