package dev.ovid.registry.objectstore;

/**
 * Where an {@link ObjectStore} writes: endpoint, credentials, bucket and region. Built from {@link
 * ObjectStoreSettings} in the apps; a plain value so tools and tests can point at another bucket.
 */
public record ObjectStoreConfig(
    String endpoint, String accessKey, String secretKey, String bucket, String region) {

  public ObjectStoreConfig withBucket(String otherBucket) {
    return new ObjectStoreConfig(endpoint, accessKey, secretKey, otherBucket, region);
  }

  @Override
  public String toString() {
    // Never print the secret key into logs.
    return "ObjectStoreConfig[endpoint=" + endpoint + ", bucket=" + bucket + "]";
  }
}
