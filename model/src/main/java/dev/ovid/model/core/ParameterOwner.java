package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A part of the model that owns named tensors. Names are stable: they are the keys of checkpoints
 * and of saved weights.
 */
public interface ParameterOwner {
  /** Tensors the optimizer updates (they require gradients while training). */
  Map<String, NDArray> trainableParameters();

  /** Tensors that must never change (frozen pretrained weights). */
  Map<String, NDArray> frozenParameters();
}
