package dev.ovid.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.JointLabelEncoder;
import dev.ovid.model.core.Tensors;
import java.util.List;
import java.util.Map;

/**
 * A closed-set label encoder (one learned vector per known label) that lets the trainer's tests run
 * before the text encoders exist; the real encoders are exercised by their own trainer tests.
 */
final class LearnedLabelTable implements JointLabelEncoder {
  private final List<String> names;
  private final NDArray table;

  LearnedLabelTable(List<String> names, int dim, NDManager manager, long seed) {
    this.names = List.copyOf(names);
    this.table =
        Tensors.normal(manager, new Shape(names.size(), dim), 0.1, new CounterRandom(seed, 77));
  }

  @Override
  public NDArray encode(List<String> labels) {
    int[] rows = labels.stream().mapToInt(this::indexOf).toArray();
    NDArray index = table.getManager().create(rows);
    return Tensors.normalizeRows(table.get(index));
  }

  private int indexOf(String label) {
    int i = names.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("unknown label " + label);
    }
    return i;
  }

  @Override
  public int embedDim() {
    return Math.toIntExact(table.getShape().get(1));
  }

  @Override
  public Map<String, NDArray> trainableParameters() {
    return Map.of("table", table);
  }

  @Override
  public Map<String, NDArray> frozenParameters() {
    return Map.of();
  }
}
