package dev.ovid.registry.objectstore;

import io.smallrye.config.ConfigMapping;

/** The {@code ovid.s3.*} keys; defaults and docs in META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "ovid.s3")
public interface ObjectStoreSettings {
  String endpoint();

  String accessKey();

  String secretKey();

  String bucket();

  String region();

  /** Create the bucket when it is missing (tests; the local stack provisions its own). */
  boolean createBucket();

  default ObjectStoreConfig toConfig() {
    return new ObjectStoreConfig(endpoint(), accessKey(), secretKey(), bucket(), region());
  }
}
