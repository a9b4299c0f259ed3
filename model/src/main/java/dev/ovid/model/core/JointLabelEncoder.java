package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * f_t as the training loop sees it: label names → unit embeddings [L, D] in the joint space,
 * differentiable with respect to its trainable parameters (if any).
 */
public interface JointLabelEncoder extends ParameterOwner {
  NDArray encode(List<String> labels);

  /** Extra training loss for {@code labels} embedded as {@code embeddings}, or null. */
  default NDArray regularizer(List<String> labels, NDArray embeddings) {
    return null;
  }

  /** Joint embedding width D. */
  int embedDim();
}
