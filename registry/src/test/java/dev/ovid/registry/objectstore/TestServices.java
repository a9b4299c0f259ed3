package dev.ovid.registry.objectstore;

import org.eclipse.microprofile.config.ConfigProvider;

/** Connections to the services started by infra/ovid-services, for tests. */
public final class TestServices {
  private TestServices() {}

  /** The configured store with its bucket created; fails clearly if MinIO is not running. */
  public static ObjectStore objectStore() {
    ObjectStore store = new ObjectStore(ObjectStoreConfig.from(ConfigProvider.getConfig()));
    var health = store.health();
    if (!health.up() && !health.detail().contains("does not exist")) {
      throw new IllegalStateException(
          "MinIO is not reachable (" + health.detail() + "): run infra/ovid-services up");
    }
    store.ensureBucket();
    return store;
  }
}
