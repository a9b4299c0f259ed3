package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.Tensors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared steps of the label encoders: prompts through CLIP text, pooling of unit vectors. */
final class ClipPrompts {
  /** Prompts per CLIP call: bounds memory when a vocabulary of thousands is embedded. */
  static final int CHUNK = 256;

  private ClipPrompts() {}

  /** Unit CLIP text features [B, P] of {@code prompts}. */
  static NDArray unitFeatures(ClipModel clip, List<String> prompts) {
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("no prompts to encode");
    }
    NDList parts = new NDList();
    for (int from = 0; from < prompts.size(); from += CHUNK) {
      List<String> chunk = prompts.subList(from, Math.min(prompts.size(), from + CHUNK));
      parts.add(clip.encodeTexts(chunk));
    }
    NDArray features = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
    return Tensors.normalizeRows(features);
  }

  /**
   * Normalized mean of groups of unit vectors: [G·n, P] in label-major order → [G, P] with each row
   * the renormalized mean of its n vectors.
   */
  static NDArray poolGroups(NDArray unitRows, int groups, int perGroup) {
    long width = unitRows.getShape().get(unitRows.getShape().dimension() - 1);
    NDArray mean = unitRows.reshape(groups, perGroup, width).mean(new int[] {1});
    return Tensors.normalizeRows(mean);
  }

  /** A block's parameters by name with a prefix (the frozen weights an encoder relies on). */
  static Map<String, NDArray> parametersOf(String prefix, Block block) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.put(prefix + p.getKey(), p.getValue().getArray());
    }
    return out;
  }

  static void requireLabels(List<String> labels) {
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("no labels to encode");
    }
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("label " + i + " is empty");
      }
    }
  }
}
