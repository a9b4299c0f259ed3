package dev.ovid.registry.common;

/**
 * An external service (MinIO, MLflow) could not be reached or answered with a server error.
 * Transient: activities let Temporal retry it.
 */
public class ServiceUnavailableException extends OvidException {
  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
