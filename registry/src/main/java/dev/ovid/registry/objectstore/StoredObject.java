package dev.ovid.registry.objectstore;

/**
 * An object in the store: {@code uri} is "s3://bucket/key". {@code sha256} is null only for objects
 * listed or written by something other than Ovid (no sha256 metadata).
 */
public record StoredObject(String uri, String bucket, String key, String sha256, long size) {}
