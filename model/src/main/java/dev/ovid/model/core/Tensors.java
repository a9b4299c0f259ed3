package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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

  /**
   * A 0-d tensor with {@code x}'s type and device that owns its memory. Use it instead of DJL's
   * {@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)}... on anything autograd
   * records: DJL 0.35 wraps the number in a tensor over a Java buffer that is freed right after the
   * op while the graph still refers to it, so after a GC the backward pass reads garbage.
   */
  public static NDArray scalarLike(NDArray x, float value) {
    // A float32 scalar keeps a bfloat16 tensor bfloat16 (a 0-d operand does not promote), and
    // DJL cannot create bfloat16 arrays.
    DataType type = Autocast.isLow(x) ? DataType.FLOAT32 : x.getDataType();
    return x.getManager().full(new Shape(), value, type).toDevice(x.getDevice(), false);
  }

  /** {@code x * value}, safe under autograd (see {@link #scalarLike}). */
  public static NDArray mul(NDArray x, float value) {
    return x.mul(scalarLike(x, value));
  }

  /** {@code x / value}, safe under autograd. */
  public static NDArray div(NDArray x, float value) {
    return x.div(scalarLike(x, value));
  }

  /** Element-wise max with a constant, safe under autograd. */
  public static NDArray maximum(NDArray x, float value) {
    return x.maximum(scalarLike(x, value));
  }

  /** Element-wise min with a constant, safe under autograd. */
  public static NDArray minimum(NDArray x, float value) {
    return x.minimum(scalarLike(x, value));
  }

  /** {@code x ^ exponent}, safe under autograd. */
  public static NDArray pow(NDArray x, float exponent) {
    return x.pow(scalarLike(x, exponent));
  }

  /** {@code x + value}, safe under autograd. */
  public static NDArray add(NDArray x, float value) {
    return x.add(scalarLike(x, value));
  }

  /** Rows scaled to unit L2 norm along the last axis (norms clamped at 1e-12). */
  /**
   * Runs {@code body} in its own {@link NDScope} and keeps only its result (registered with the
   * enclosing scope, if any). DJL frees an op's output only when its scope or manager closes, so a
   * 12-layer forward pass would otherwise hold every intermediate of every layer until the step
   * ends (gigabytes at ViT-B/16 size); autograd keeps what backward needs by its own references.
   */
  public static NDArray scoped(java.util.function.Supplier<NDArray> body) {
    NDArray out;
    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
      out = body.get();
      ai.djl.ndarray.NDScope.unregister(out);
    }
    ai.djl.ndarray.NDScope.register(out);
    return out;
  }

  /** {@link #scoped} for a body with several results. */
  public static NDArray[] scopedAll(java.util.function.Supplier<NDArray[]> body) {
    NDArray[] out;
    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
      out = body.get();
      ai.djl.ndarray.NDScope.unregister(out);
    }
    for (NDArray a : out) {
      ai.djl.ndarray.NDScope.register(a);
    }
    return out;
  }

  public static NDArray normalizeRows(NDArray x) {
    return x.div(maximum(x.norm(new int[] {-1}, true), 1e-12f));
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
