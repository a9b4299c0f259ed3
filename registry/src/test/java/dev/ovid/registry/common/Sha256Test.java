package dev.ovid.registry.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  // sha256("abc") from FIPS 180-2, appendix B.1.
  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void digestsBytesAndFilesAlike(@TempDir Path dir) throws Exception {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertEquals(ABC, Sha256.of(abc));
    assertEquals(ABC, Sha256.of(Files.write(dir.resolve("abc"), abc)));
  }

  @Test
  void requireAcceptsOnlyLowerCaseHexDigests() {
    assertEquals(ABC, Sha256.require("sha", ABC));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> Sha256.require("manifestSha256", ABC.toUpperCase()));
    assertEquals(true, e.getMessage().startsWith("manifestSha256 must be"));
    assertThrows(ValidationException.class, () -> Sha256.require("sha", null));
  }
}
