package dev.ovid.registry.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** sha256 digests as 64 lower-case hex characters, the form stored everywhere in Ovid. */
public final class Sha256 {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  public static String of(byte[] bytes) {
    return hex(newDigest().digest(bytes));
  }

  /** Streams the file through the digest (constant memory, any size). */
  public static String of(Path file) {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return hex(digest.digest());
  }

  /** Throws {@link ValidationException} naming {@code field} unless {@code value} is a digest. */
  public static String require(String field, String value) {
    if (value == null || !HEX64.matcher(value).matches()) {
      throw new ValidationException(
          field + " must be 64 lower-case hex characters (a sha256), got '" + value + "'");
    }
    return value;
  }
}
