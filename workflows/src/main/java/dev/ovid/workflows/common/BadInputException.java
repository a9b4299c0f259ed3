package dev.ovid.workflows.common;

/**
 * Input that can never succeed (unknown label, corrupt file, invalid config). Activities throw it
 * so the pipeline fails at once with a clear message instead of retrying for good.
 */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
