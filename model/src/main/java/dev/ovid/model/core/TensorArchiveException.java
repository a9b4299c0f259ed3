package dev.ovid.model.core;

/**
 * A checkpoint or weights file (Ovid tensor archive) that cannot be read or does not fit the model.
 */
public class TensorArchiveException extends RuntimeException {
  public TensorArchiveException(String message) {
    super(message);
  }

  public TensorArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
