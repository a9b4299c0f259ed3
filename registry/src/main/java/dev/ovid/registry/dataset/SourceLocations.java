package dev.ovid.registry.dataset;

import dev.ovid.registry.common.Echo;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Confines what a dataset source may name: {@code s3://} objects in the configured buckets, or
 * files under the configured data roots. Anything else (other schemes such as file:// or http://,
 * relative paths, paths that leave a root through "..", or a symbolic link pointing outside) is
 * refused, so a server that reads sources cannot be made to read its own files or call its own
 * services.
 */
@ApplicationScoped
public class SourceLocations {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,62}");

  private final List<String> buckets;
  private final List<Path> roots;

  @Inject
  public SourceLocations(SourceLocationSettings settings) {
    this(
        settings.allowedBuckets().orElse(List.of()),
        settings.dataRoots().orElse(List.of()).stream().map(Path::of).toList());
  }

  public SourceLocations(List<String> buckets, List<Path> roots) {
    this.buckets = List.copyOf(buckets);
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** The problem with {@code location} for the given field, or empty when it may be read. */
  public Optional<String> problem(String field, String location) {
    if (location == null || location.isBlank()) return Optional.empty();
    String value = location.trim();
    if (value.startsWith("s3://")) {
      String rest = value.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      if (!BUCKET.matcher(bucket).matches() || !buckets.contains(bucket)) {
        return Optional.of(
            field
                + " names bucket "
                + Echo.quote(bucket)
                + ", which is not an allowed source bucket "
                + buckets
                + " (ovid.datasets.allowed-buckets)");
      }
      if (slash < 0 || rest.substring(slash + 1).isBlank() || rest.contains("/../")) {
        return Optional.of(field + " must name an object key inside the bucket");
      }
      return Optional.empty();
    }
    if (SCHEME.matcher(value).matches()) {
      return Optional.of(
          field + " must be an s3:// URI or a local path; other schemes are not allowed");
    }
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      return Optional.of(field + " is not a valid path");
    }
    if (!path.isAbsolute()) {
      return Optional.of(field + " must be an absolute path under a data root " + roots);
    }
    Path normal = path.normalize();
    if (roots.stream().noneMatch(normal::startsWith) || !realPathInsideRoots(normal)) {
      return Optional.of(
          field
              + " "
              + Echo.quote(value)
              + " is outside the data roots "
              + roots
              + " (ovid.datasets.data-roots)");
    }
    return Optional.empty();
  }

  /** Refuses a location that may not be read, naming the field. */
  public void check(String field, String location) {
    problem(field, location)
        .ifPresent(
            p -> {
              throw new ValidationException(p);
            });
  }

  /** Links may not lead out of the roots: the nearest existing ancestor must resolve inside. */
  private boolean realPathInsideRoots(Path normal) {
    Path existing = normal;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) return true;
    try {
      Path real = existing.toRealPath();
      for (Path root : roots) {
        if (!normal.startsWith(root)) continue;
        // Nothing exists below a missing root, so no link can lead out of it.
        if (!existing.startsWith(root)) return true;
        if (real.startsWith(root.toRealPath())) return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
