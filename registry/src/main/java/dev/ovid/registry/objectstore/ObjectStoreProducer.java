package dev.ovid.registry.objectstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the {@link ObjectStore} for the {@code ovid.s3.*} configuration a CDI bean. */
@ApplicationScoped
public class ObjectStoreProducer {

  @Produces
  @Singleton
  ObjectStore objectStore(ObjectStoreSettings settings) {
    ObjectStore store = new ObjectStore(settings.toConfig());
    if (settings.createBucket()) store.ensureBucket();
    return store;
  }

  void close(@Disposes ObjectStore store) throws Exception {
    store.close();
  }
}
