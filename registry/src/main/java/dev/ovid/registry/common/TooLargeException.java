package dev.ovid.registry.common;

/** An upload above its configured limit. Maps to HTTP 413. */
public class TooLargeException extends OvidException {
  public TooLargeException(String message) {
    super(message);
  }
}
