package dev.ovid.registry.common;

/**
 * Stored bytes do not match their recorded sha256. Not retryable: the object is corrupt or was
 * replaced behind Ovid's back.
 */
public class IntegrityException extends OvidException {
  public IntegrityException(String message) {
    super(message);
  }
}
