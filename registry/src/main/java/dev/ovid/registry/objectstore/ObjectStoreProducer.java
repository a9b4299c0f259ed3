package dev.ovid.registry.objectstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the {@link ObjectStore} for the {@code ovid.s3.*} configuration a CDI bean. */
@ApplicationScoped
public class ObjectStoreProducer {

  @Produces
  @Singleton
  ObjectStore objectStore() {
    return new ObjectStore(ObjectStoreConfig.from(ConfigProvider.getConfig()));
  }

  void close(@Disposes ObjectStore store) throws Exception {
    store.close();
  }
}
