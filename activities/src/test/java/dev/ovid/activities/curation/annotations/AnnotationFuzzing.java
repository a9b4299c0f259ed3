package dev.ovid.activities.curation.annotations;

import dev.ovid.activities.testing.FuzzMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one fuzz input as an annotation file and reads it in a format: only an {@link
 * AnnotationFormatException} naming the file may come out. The readers take paths, so inputs go
 * through a file (in memory where /dev/shm exists).
 */
final class AnnotationFuzzing {
  private static final Path DIR = tempDir();

  private AnnotationFuzzing() {}

  static void read(AnnotationFormat format, String fileName, byte[] input) {
    Path file = DIR.resolve(fileName);
    try {
      Files.write(file, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Annotations.read(format, file);
    } catch (AnnotationFormatException e) {
      FuzzMessages.assertClear(e, file.toString());
    }
  }

  private static Path tempDir() {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "ovid-fuzz")
              : Files.createTempDirectory("ovid-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
