package dev.ovid.registry.common;

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

  /** Throws {@link ValidationException} naming {@code field} unless {@code value} is a digest. */
  public static String require(String field, String value) {
    if (value == null || !HEX64.matcher(value).matches()) {
      throw new ValidationException(
          field + " must be 64 lower-case hex characters (a sha256), got '" + value + "'");
    }
    return value;
  }
}
