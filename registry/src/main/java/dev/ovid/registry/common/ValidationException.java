package dev.ovid.registry.common;

/** Bad input from a caller (blank name, progress outside 0..1). Maps to HTTP 400; not retryable. */
public class ValidationException extends OvidException {
  public ValidationException(String message) {
    super(message);
  }

  /** Throws when {@code value} is null or blank; returns it trimmed otherwise. */
  public static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field + " must not be blank");
    }
    return value.trim();
  }
}
