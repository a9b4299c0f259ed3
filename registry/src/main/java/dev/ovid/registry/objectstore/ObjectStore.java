package dev.ovid.registry.objectstore;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceHealth;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.Sha256;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ovid's S3 object store (MinIO). Objects carry their sha256 as user metadata; every write records
 * it and every download checks it.
 *
 * <p>{@code put} never overwrites: putting the same bytes under an existing key returns the stored
 * object (so retried activities are idempotent), different bytes fail with {@link
 * ConflictException}. Use {@code replace} for the rare mutable key.
 *
 * <p>Plain class: the CDI bean comes from {@link ObjectStoreProducer}; tests and the CLI use the
 * constructor.
 */
public class ObjectStore implements AutoCloseable {
  /** User-metadata key (x-amz-meta-sha256) holding the hex sha256 of the object's bytes. */
  public static final String SHA256_METADATA = "sha256";

  private static final String SERVICE = "minio";
  private final MinioClient client;
  private final ObjectStoreConfig config;
  private final boolean ownsClient;

  public ObjectStore(ObjectStoreConfig config) {
    this(
        MinioClient.builder()
            .endpoint(config.endpoint())
            .credentials(config.accessKey(), config.secretKey())
            .region(config.region())
            .build(),
        config,
        true);
  }

  private ObjectStore(MinioClient client, ObjectStoreConfig config, boolean ownsClient) {
    this.client = client;
    this.config = config;
    this.ownsClient = ownsClient;
  }

  /**
   * The same server, credentials and connection pool, another bucket (e.g. "mlflow" for run
   * artifacts). Closing the returned store does nothing; close this one.
   */
  public ObjectStore withBucket(String bucket) {
    return new ObjectStore(client, config.withBucket(bucket), false);
  }

  public String bucket() {
    return config.bucket();
  }

  public String endpoint() {
    return config.endpoint();
  }

  public String uriOf(String key) {
    return "s3://" + config.bucket() + "/" + key;
  }

  /** Creates the bucket if it does not exist yet. */
  public void ensureBucket() {
    call(
        "ensure bucket " + config.bucket(),
        () -> {
          if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
          }
          return null;
        });
  }

  /** Stores a file under {@code key}; idempotent for identical content, never overwrites. */
  public StoredObject put(String key, Path file) {
    return write(key, file, false);
  }

  public StoredObject put(String key, byte[] bytes) {
    return withTempFile(bytes, file -> write(key, file, false));
  }

  /** Spools the stream to a temporary file (hashing it as it goes), then stores it. */
  public StoredObject put(String key, InputStream in) {
    return withTempFile(in, file -> write(key, file, false));
  }

  /** Stores {@code file} under {@code key}, overwriting whatever is there. */
  public StoredObject replace(String key, Path file) {
    return write(key, file, true);
  }

  public StoredObject replace(String key, byte[] bytes) {
    return withTempFile(bytes, file -> write(key, file, true));
  }

  /** Size and recorded sha256 of {@code key}, or empty when there is no such object. */
  public Optional<StoredObject> stat(String key) {
    try {
      StatObjectResponse stat =
          client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build());
      String sha = stat.userMetadata().getFirst(SHA256_METADATA);
      return Optional.of(new StoredObject(uriOf(key), config.bucket(), key, sha, stat.size()));
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw unavailable("stat " + uriOf(key), e);
    } catch (MinioException e) {
      throw unavailable("stat " + uriOf(key), e);
    }
  }

  public boolean exists(String key) {
    return stat(key).isPresent();
  }

  /**
   * Objects whose key starts with {@code prefix}, recursively, in key order. {@code sha256} is
   * filled in from metadata where the server returns it (MinIO does), else null.
   */
  public List<StoredObject> list(String prefix) {
    return call(
        "list " + uriOf(prefix),
        () -> {
          List<StoredObject> objects = new ArrayList<>();
          Iterable<Result<Item>> items =
              client.listObjects(
                  ListObjectsArgs.builder()
                      .bucket(config.bucket())
                      .prefix(prefix)
                      .recursive(true)
                      .includeUserMetadata(true)
                      .build());
          for (Result<Item> result : items) {
            Item item = result.get();
            objects.add(
                new StoredObject(
                    uriOf(item.objectName()),
                    config.bucket(),
                    item.objectName(),
                    metadataSha(item.userMetadata()),
                    item.size()));
          }
          return objects;
        });
  }

  /** A raw stream of the object's bytes; the caller closes it. Not verified: prefer download. */
  public InputStream open(String key) {
    try {
      return client.getObject(GetObjectArgs.builder().bucket(config.bucket()).object(key).build());
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        throw new NotFoundException("object " + uriOf(key) + " does not exist");
      }
      throw unavailable("get " + uriOf(key), e);
    } catch (MinioException e) {
      throw unavailable("get " + uriOf(key), e);
    }
  }

  /**
   * Removes {@code key} (no error when it is absent). Only for scratch objects, such as a video
   * uploaded for one classification; content-addressed artifacts are never deleted.
   */
  public void delete(String key) {
    try {
      client.removeObject(
          io.minio.RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
    } catch (MinioException e) {
      throw unavailable("delete " + uriOf(key), e);
    }
  }

  /** Downloads to {@code target} (atomically), checking the recorded sha256. */
  public StoredObject download(String key, Path target) {
    return download(key, target, null);
  }

  /**
   * Downloads to {@code target}, checking the bytes against {@code expectedSha256} (if not null)
   * and against the sha256 recorded at upload. On mismatch nothing is left at {@code target}.
   */
  public StoredObject download(String key, Path target, String expectedSha256) {
    StoredObject meta =
        stat(key)
            .orElseThrow(() -> new NotFoundException("object " + uriOf(key) + " does not exist"));
    Path parent = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".download-", ".part");
      try {
        String actual;
        try (InputStream in = open(key);
            OutputStream out = Files.newOutputStream(temp)) {
          actual = copyHashing(in, out);
        }
        verify(key, meta, expectedSha256, actual);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new StoredObject(meta.uri(), meta.bucket(), key, actual, Files.size(target));
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new ServiceUnavailableException(
          "download " + uriOf(key) + " to " + target + " failed: " + e.getMessage(), e);
    }
  }

  /** The object's bytes, checked against the recorded sha256. For small objects. */
  public byte[] getBytes(String key) {
    StoredObject meta =
        stat(key)
            .orElseThrow(() -> new NotFoundException("object " + uriOf(key) + " does not exist"));
    try (InputStream in = open(key)) {
      byte[] bytes = in.readAllBytes();
      verify(key, meta, null, Sha256.of(bytes));
      return bytes;
    } catch (IOException e) {
      throw new ServiceUnavailableException("read " + uriOf(key) + " failed: " + e.getMessage(), e);
    }
  }

  /** Probes the server and the bucket, with short timeouts; never throws. */
  public ServiceHealth health() {
    try {
      MinioClient probe =
          MinioClient.builder()
              .endpoint(config.endpoint())
              .credentials(config.accessKey(), config.secretKey())
              .region(config.region())
              .httpClient(
                  new okhttp3.OkHttpClient.Builder()
                      .connectTimeout(2, TimeUnit.SECONDS)
                      .readTimeout(3, TimeUnit.SECONDS)
                      .build(),
                  true)
              .build();
      boolean exists =
          probe.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
      return exists
          ? ServiceHealth.up(SERVICE, config.endpoint() + " bucket " + config.bucket())
          : ServiceHealth.down(
              SERVICE, "bucket " + config.bucket() + " does not exist at " + config.endpoint());
    } catch (Exception e) {
      return ServiceHealth.down(SERVICE, config.endpoint() + ": " + describe(e));
    }
  }

  @Override
  public void close() throws Exception {
    if (ownsClient) {
      client.close();
    }
  }

  private StoredObject write(String key, Path file, boolean overwrite) {
    if (key == null || key.isBlank() || key.startsWith("/")) {
      throw new dev.ovid.registry.common.ValidationException("bad object key '" + key + "'");
    }
    try {
      String sha = Sha256.of(file);
      long size = Files.size(file);
      if (!overwrite) {
        Optional<StoredObject> existing = stat(key);
        if (existing.isPresent()) {
          if (sha.equals(existing.get().sha256())) {
            return existing.get();
          }
          throw new ConflictException(
              "object "
                  + uriOf(key)
                  + " already exists with sha256 "
                  + existing.get().sha256()
                  + "; refusing to overwrite it with "
                  + file
                  + " (sha256 "
                  + sha
                  + ")");
        }
      }
      MessageDigest digest = Sha256.newDigest();
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        client.putObject(
            PutObjectArgs.builder()
                .bucket(config.bucket())
                .object(key)
                .userMetadata(Map.of(SHA256_METADATA, sha))
                .stream(in, size, null)
                .build());
      }
      String sent = Sha256.hex(digest.digest());
      if (!sent.equals(sha)) {
        // The file changed while we uploaded it: the stored object no longer matches its label.
        throw new IntegrityException(file + " changed during upload to " + uriOf(key));
      }
      return new StoredObject(uriOf(key), config.bucket(), key, sha, size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (MinioException e) {
      throw unavailable("put " + uriOf(key), e);
    }
  }

  private void verify(String key, StoredObject meta, String expected, String actual) {
    if (expected != null && !expected.equals(actual)) {
      throw new IntegrityException(
          "object " + uriOf(key) + " has sha256 " + actual + ", expected " + expected);
    }
    if (meta.sha256() != null && !meta.sha256().equals(actual)) {
      throw new IntegrityException(
          "object "
              + uriOf(key)
              + " has sha256 "
              + actual
              + " but was stored with "
              + meta.sha256());
    }
  }

  private static String copyHashing(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[1 << 16];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
    }
    return Sha256.hex(digest.digest());
  }

  private interface FileAction {
    StoredObject apply(Path file);
  }

  private static StoredObject withTempFile(byte[] bytes, FileAction action) {
    try {
      Path temp = Files.createTempFile("ovid-put-", ".bin");
      try {
        Files.write(temp, bytes);
        return action.apply(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StoredObject withTempFile(InputStream in, FileAction action) {
    try {
      Path temp = Files.createTempFile("ovid-put-", ".bin");
      try {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        return action.apply(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String metadataSha(Map<String, String> metadata) {
    if (metadata == null) {
      return null;
    }
    for (var entry : metadata.entrySet()) {
      String name = entry.getKey().toLowerCase();
      if (name.equals(SHA256_METADATA) || name.equals("x-amz-meta-" + SHA256_METADATA)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse() == null ? "" : e.errorResponse().code();
    return "NoSuchKey".equals(code)
        || "NoSuchObject".equals(code)
        || (e.response() != null && e.response().code() == 404 && !"NoSuchBucket".equals(code));
  }

  private interface MinioCall<T> {
    T run() throws MinioException;
  }

  private <T> T call(String what, MinioCall<T> action) {
    try {
      return action.run();
    } catch (ErrorResponseException e) {
      if (e.errorResponse() != null && "NoSuchBucket".equals(e.errorResponse().code())) {
        throw new NotFoundException(
            "bucket " + config.bucket() + " does not exist at " + config.endpoint());
      }
      throw unavailable(what, e);
    } catch (MinioException e) {
      throw unavailable(what, e);
    }
  }

  private ServiceUnavailableException unavailable(String what, Exception e) {
    return new ServiceUnavailableException(
        what + " at " + config.endpoint() + " failed: " + describe(e), e);
  }

  private static String describe(Exception e) {
    if (e instanceof ErrorResponseException er && er.errorResponse() != null) {
      return er.errorResponse().code() + ": " + er.errorResponse().message();
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
