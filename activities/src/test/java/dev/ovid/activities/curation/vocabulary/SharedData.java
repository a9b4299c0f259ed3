package dev.ovid.activities.curation.vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared public label files: {@code shared/data} beside the repository root (CI
 * checks the repository out with {@code ../shared} next to it). Walks up from the working directory
 * so the tests run from the module or from the root; {@code OVID_SHARED_DATA} overrides.
 */
public final class SharedData {
  private SharedData() {}

  public static Path file(String name) {
    String override = System.getenv("OVID_SHARED_DATA");
    if (override != null && Files.isRegularFile(Path.of(override, name))) {
      return Path.of(override, name);
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data/"
            + name
            + " not found above "
            + start
            + ": check out the shared data beside the repository or set OVID_SHARED_DATA");
  }
}
