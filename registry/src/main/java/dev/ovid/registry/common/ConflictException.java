package dev.ovid.registry.common;

/**
 * The request clashes with what is already stored (duplicate name, an object key already holding
 * different content). Maps to HTTP 409; never worth retrying.
 */
public class ConflictException extends OvidException {
  public ConflictException(String message) {
    super(message);
  }
}
