package dev.ovid.activities.curation.source;

import dev.ovid.registry.dataset.SourceLocations;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.workflows.common.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a source's files wherever they are: s3://bucket/key or a local path. */
final class SourceFiles {
  private final ObjectStore store;
  private final SourceLocations locations;

  SourceFiles(ObjectStore store, SourceLocations locations) {
    this.store = store;
    this.locations = locations;
  }

  /**
   * A stream over the file; a missing file, or one outside the allowed buckets and data roots (a
   * source registered before they were narrowed), is bad input naming it.
   */
  InputStream open(String location) {
    locations
        .problem("dataset source file", location)
        .ifPresent(
            p -> {
              throw new BadInputException(p);
            });
    if (location.startsWith("s3://")) {
      S3Location s3 = S3Location.parse(location);
      if (!bucket(s3).exists(s3.key())) {
        throw new BadInputException("dataset source file " + location + " does not exist");
      }
      return bucket(s3).open(s3.key());
    }
    try {
      return Files.newInputStream(Path.of(location));
    } catch (NoSuchFileException e) {
      throw new BadInputException("dataset source file " + location + " does not exist");
    } catch (IOException e) {
      throw new BadInputException(
          "cannot read dataset source file "
              + location
              + " ("
              + e.getClass().getSimpleName().replace("Exception", "")
              + ")",
          e);
    }
  }

  /**
   * The video as a local file: a path as is, an s3:// object downloaded to {@code scratch}. Returns
   * null when there is no such object or file (the caller reports it as unreadable).
   */
  Path local(String uri, Path scratch) {
    String plain = uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
    if (locations.problem("video", plain).isPresent()) {
      // A manifest may not point a worker at files outside the data roots (reported unreadable).
      return null;
    }
    if (!uri.startsWith("s3://")) {
      Path path = Path.of(uri.startsWith("file://") ? uri.substring("file://".length()) : uri);
      return Files.isRegularFile(path) ? path : null;
    }
    S3Location s3 = S3Location.parse(uri);
    ObjectStore bucket = bucket(s3);
    if (!bucket.exists(s3.key())) return null;
    Path target = scratch.resolve("video" + suffix(s3.key()));
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    bucket.download(s3.key(), target);
    return target;
  }

  private ObjectStore bucket(S3Location s3) {
    return s3.bucket().equals(store.bucket()) ? store : store.withBucket(s3.bucket());
  }

  static String suffix(String name) {
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    String ext = dot > slash && dot >= 0 ? name.substring(dot).toLowerCase() : "";
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
  }
}
