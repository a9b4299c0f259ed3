package dev.ovid.registry.objectstore;

import org.eclipse.microprofile.config.Config;

/**
 * Where the S3 object store is. Keys and defaults (override with application.properties or the
 * environment, e.g. {@code OVID_S3_ENDPOINT}):
 *
 * <ul>
 *   <li>{@code ovid.s3.endpoint} = http://127.0.0.1:59000 (MinIO started by infra/)
 *   <li>{@code ovid.s3.access-key} = ovid
 *   <li>{@code ovid.s3.secret-key} = ovid-secret-key
 *   <li>{@code ovid.s3.bucket} = ovid-artifacts (Ovid's own objects; MLflow uses "mlflow")
 *   <li>{@code ovid.s3.region} = us-east-1 (MinIO's default; saves a bucket-location call)
 * </ul>
 */
public record ObjectStoreConfig(
    String endpoint, String accessKey, String secretKey, String bucket, String region) {
  public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:59000";
  public static final String DEFAULT_ACCESS_KEY = "ovid";
  public static final String DEFAULT_SECRET_KEY = "ovid-secret-key";
  public static final String DEFAULT_BUCKET = "ovid-artifacts";
  public static final String DEFAULT_REGION = "us-east-1";

  public static ObjectStoreConfig defaults() {
    return new ObjectStoreConfig(
        DEFAULT_ENDPOINT, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_BUCKET, DEFAULT_REGION);
  }

  /** Reads the {@code ovid.s3.*} keys, falling back to the defaults above. */
  public static ObjectStoreConfig from(Config config) {
    return new ObjectStoreConfig(
        get(config, "ovid.s3.endpoint", DEFAULT_ENDPOINT),
        get(config, "ovid.s3.access-key", DEFAULT_ACCESS_KEY),
        get(config, "ovid.s3.secret-key", DEFAULT_SECRET_KEY),
        get(config, "ovid.s3.bucket", DEFAULT_BUCKET),
        get(config, "ovid.s3.region", DEFAULT_REGION));
  }

  public ObjectStoreConfig withBucket(String otherBucket) {
    return new ObjectStoreConfig(endpoint, accessKey, secretKey, otherBucket, region);
  }

  private static String get(Config config, String key, String fallback) {
    return config.getOptionalValue(key, String.class).orElse(fallback);
  }

  @Override
  public String toString() {
    // Never print the secret key into logs.
    return "ObjectStoreConfig[endpoint=" + endpoint + ", bucket=" + bucket + "]";
  }
}
