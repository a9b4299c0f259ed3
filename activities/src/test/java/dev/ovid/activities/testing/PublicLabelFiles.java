package dev.ovid.activities.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The public label files Ovid ships in the registry jar ({@code public-labels/}), as files for
 * tests that take a path. Copied once per test JVM into a temporary folder.
 */
public final class PublicLabelFiles {
  private static Path folder;

  private PublicLabelFiles() {}

  public static synchronized Path file(String name) {
    try {
      if (folder == null) {
        folder = Files.createTempDirectory("ovid-public-labels-");
        folder.toFile().deleteOnExit();
      }
      Path target = folder.resolve(name);
      if (!Files.exists(target)) {
        try (InputStream in =
            PublicLabelFiles.class.getClassLoader().getResourceAsStream("public-labels/" + name)) {
          if (in == null) throw new IllegalStateException("public-labels/" + name + " not found");
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        target.toFile().deleteOnExit();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
