package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Deterministic parameter initialisation and small tensor helpers. */
public final class Tensors {
  private Tensors() {}

  /**
   * Normal(0, std) values drawn in Java from {@link CounterRandom}, so initialisation is the same
   * on every engine, device and thread count.
   */
  public static NDArray normal(NDManager manager, Shape shape, double std, CounterRandom random) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return manager.create(values, shape);
  }

  public static NDArray zeros(NDManager manager, Shape shape) {
    return manager.zeros(shape);
  }

  public static NDArray ones(NDManager manager, Shape shape) {
    return manager.ones(shape);
  }

  /** Rows scaled to unit L2 norm along the last axis. */
  public static NDArray normalizeRows(NDArray x) {
    return x.div(x.norm(new int[] {-1}, true).maximum(1e-12f));
  }

  /**
   * An independent float32 copy that lives in {@code manager} (not tied to the source's graph).
   * Copies through a Java array: an empty array filled by {@code set(Buffer)} is not reliably fully
   * written.
   */
  public static NDArray copyTo(NDArray source, NDManager manager) {
    NDArray f =
        source.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32
            ? source
            : source.toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    return manager.create(f.toFloatArray(), source.getShape());
  }
}
