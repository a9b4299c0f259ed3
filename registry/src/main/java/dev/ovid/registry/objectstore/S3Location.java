package dev.ovid.registry.objectstore;

import dev.ovid.registry.common.ValidationException;

/** A parsed "s3://bucket/key" address. */
public record S3Location(String bucket, String key) {

  public static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new ValidationException("not an s3:// URI: '" + uri + "'");
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new ValidationException("s3 URI has no bucket: '" + uri + "'");
    }
    return new S3Location(bucket, key);
  }

  /** This location with {@code path} appended as a sub-key ("a/b" + "c" = "a/b/c"). */
  public S3Location resolve(String path) {
    String tail = path.startsWith("/") ? path.substring(1) : path;
    if (key.isEmpty()) {
      return new S3Location(bucket, tail);
    }
    return new S3Location(bucket, key.endsWith("/") ? key + tail : key + "/" + tail);
  }

  public String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
