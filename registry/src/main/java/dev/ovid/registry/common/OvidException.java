package dev.ovid.registry.common;

/**
 * Base of Ovid's domain failures. Each subtype is one failure family that callers map once: the web
 * UI to an HTTP status, activities to retryable or non-retryable Temporal failures.
 */
public abstract class OvidException extends RuntimeException {
  protected OvidException(String message) {
    super(message);
  }

  protected OvidException(String message, Throwable cause) {
    super(message, cause);
  }
}
