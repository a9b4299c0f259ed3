package dev.ovid.activities.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Temporary local files for activities that stage objects between the store and a library. */
public final class ScratchFiles {
  /** Work on a staged file; may throw I/O errors. */
  @FunctionalInterface
  public interface FileWork<T> {
    T apply(Path file) throws IOException;
  }

  private ScratchFiles() {}

  /** Runs {@code work} on a new empty temporary file, deleted afterwards whatever happens. */
  public static <T> T withTempFile(String prefix, String suffix, FileWork<T> work) {
    try {
      Path file = Files.createTempFile(prefix, suffix);
      try {
        return work.apply(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything in it; a leftover temporary folder is harmless. */
  public static void deleteTree(Path dir) {
    if (dir == null) return;
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Nothing to do: the OS cleans its temporary folder eventually.
    }
  }
}
