package dev.ovid.registry.common;

/** The caller may not do this (e.g. approve their own model). Maps to HTTP 403; not retryable. */
public class ForbiddenException extends OvidException {
  public ForbiddenException(String message) {
    super(message);
  }
}
