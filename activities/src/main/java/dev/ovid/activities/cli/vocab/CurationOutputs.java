package dev.ovid.activities.cli.vocab;

import dev.ovid.activities.curation.vocabulary.CuratedVocabulary;
import dev.ovid.activities.curation.vocabulary.CuratedVocabularyCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes curation outputs through a temporary sibling file, so a failure never leaves half. */
final class CurationOutputs {
  private CurationOutputs() {}

  static void writeCuratedCsv(CuratedVocabulary vocabulary, Path target) throws IOException {
    Path tmp = temporarySibling(target);
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        CuratedVocabularyCsv.write(vocabulary, out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = temporarySibling(target);
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path temporarySibling(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }
}
