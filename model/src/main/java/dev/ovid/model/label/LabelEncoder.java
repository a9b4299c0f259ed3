package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.ovid.model.core.JointLabelEncoder;
import java.util.List;

/**
 * A label encoder f_t: label names → unit embeddings [L, P] in CLIP's joint space. Fixed encoders
 * (class-name prompt, prompt templates, fixed LLM attributes) have no trainable parameters; the
 * learnable LLM prompt encoder trains its prefixes and prompt transformer.
 *
 * <p>{@link #encode} is the training path: its intermediate arrays live in the encoder's manager
 * until the caller's {@link NDScope} (or manager) closes them, and the result keeps its autograd
 * graph. {@link #embed} is the vocabulary-expansion path: no graph, nothing left behind.
 */
public interface LabelEncoder extends JointLabelEncoder {

  /** Unit embeddings [L, P] of {@code labels}, differentiable in the trainable parameters. */
  @Override
  NDArray encode(List<String> labels);

  /**
   * Unit embeddings [L, P] as a plain array owned by {@code target} (no autograd graph), computed
   * {@link #embedChunkSize()} labels at a time with every intermediate array released after each
   * chunk. For embedding whole vocabularies.
   */
  default NDArray embed(List<String> labels, NDManager target) {
    int chunk = Math.max(1, embedChunkSize());
    NDList parts = new NDList();
    for (int from = 0; from < labels.size(); from += chunk) {
      List<String> part = labels.subList(from, Math.min(labels.size(), from + chunk));
      try (NDScope scope = new NDScope()) {
        NDArray out = encode(part).stopGradient().duplicate();
        NDScope.unregister(out);
        out.attach(target);
        parts.add(out);
      }
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    NDArray all = NDArrays.concat(parts);
    all.attach(target);
    parts.close();
    return all;
  }

  /** Labels per {@link #encode} call in {@link #embed}: bounds peak memory. */
  default int embedChunkSize() {
    return 256;
  }

  /** Whether training changes this encoder (it has trainable parameters). */
  default boolean trainable() {
    return !trainableParameters().isEmpty();
  }
}
