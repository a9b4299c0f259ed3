package dev.ovid.registry.objectstore;

import dev.ovid.registry.tracking.MlflowConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connections to the services started by infra/ovid-services, for plain (non-Quarkus) tests. The
 * build runs tests with the {@code test} configuration profile, so these are the test bucket and
 * experiment, never a user's.
 */
public final class TestServices {
  private TestServices() {}

  public static ObjectStoreConfig objectStoreConfig() {
    Config config = ConfigProvider.getConfig();
    return new ObjectStoreConfig(
        config.getValue("ovid.s3.endpoint", String.class),
        config.getValue("ovid.s3.access-key", String.class),
        config.getValue("ovid.s3.secret-key", String.class),
        config.getValue("ovid.s3.bucket", String.class),
        config.getValue("ovid.s3.region", String.class));
  }

  public static MlflowConfig mlflowConfig() {
    Config config = ConfigProvider.getConfig();
    return new MlflowConfig(
        config.getValue("ovid.mlflow.tracking-uri", String.class),
        config.getValue("ovid.mlflow.experiment", String.class));
  }

  /** The configured store with its bucket created; fails clearly if MinIO is not running. */
  public static ObjectStore objectStore() {
    ObjectStore store = new ObjectStore(objectStoreConfig());
    var health = store.health();
    if (!health.up() && !health.detail().contains("does not exist")) {
      throw new IllegalStateException(
          "MinIO is not reachable (" + health.detail() + "): run infra/ovid-services up");
    }
    store.ensureBucket();
    return store;
  }
}
