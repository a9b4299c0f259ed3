package dev.ovid.model.weights;

/** A checkpoint lacks a tensor that a block needs; the message lists the closest names it has. */
public final class MissingWeightException extends IllegalArgumentException {

  public MissingWeightException(String message) {
    super(message);
  }
}
