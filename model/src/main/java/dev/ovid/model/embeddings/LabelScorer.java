package dev.ovid.model.embeddings;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.Precision;

/**
 * Scores many videos against many labels as one matrix product in libtorch (BLAS), s = V Lᵀ,
 * instead of {@link LabelEmbeddingDatabase#similarities}'s scalar loop. The label matrix [L, D]
 * lives in native memory for the scorer's life; in {@link Precision#BF16} it is stored in bfloat16
 * (half the memory traffic, which is what bounds one video against many labels) and the product
 * accumulates in float32 inside the kernel; scores come back float32.
 */
public final class LabelScorer implements AutoCloseable {
  private final NDManager manager;
  private final NDArray labels; // [L, D]
  private final Precision precision;

  private LabelScorer(NDManager manager, NDArray labels, Precision precision) {
    this.manager = manager;
    this.labels = labels;
    this.precision = precision;
  }

  /** A scorer over {@code database}'s unit label embeddings. */
  public static LabelScorer of(LabelEmbeddingDatabase database, Device device, Precision p) {
    float[] rows = new float[database.size() * database.dimension()];
    for (int i = 0; i < database.size(); i++) {
      System.arraycopy(
          database.embedding(i), 0, rows, i * database.dimension(), database.dimension());
    }
    return of(rows, database.size(), database.dimension(), device, p);
  }

  /** A scorer over {@code rows}, row-major [labels, dimension]. */
  public static LabelScorer of(
      float[] rows, int labels, int dimension, Device device, Precision precision) {
    if (rows.length != (long) labels * dimension) {
      throw new IllegalArgumentException(
          "rows hold " + rows.length + " values, not " + labels + " x " + dimension);
    }
    NDManager manager = NDManager.newBaseManager(device);
    try {
      NDArray matrix = manager.create(rows, new Shape(labels, dimension));
      if (precision == Precision.BF16) {
        NDArray low = Autocast.bf16(matrix);
        low.attach(manager);
        matrix.close();
        matrix = low;
      }
      return new LabelScorer(manager, matrix, precision);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  public int size() {
    return (int) labels.getShape().get(0);
  }

  public int dimension() {
    return (int) labels.getShape().get(1);
  }

  public Precision precision() {
    return precision;
  }

  /**
   * Similarities [V, L] (float32) of {@code videos} [V, D], attached to the videos' manager. The
   * caller closes it (or its manager).
   */
  public NDArray scores(NDArray videos) {
    if (videos.getShape().dimension() != 2 || videos.getShape().get(1) != dimension()) {
      throw new IllegalArgumentException(
          "videos must be [V, " + dimension() + "], got " + videos.getShape());
    }
    NDArray in = videos.toDevice(labels.getDevice(), false);
    if (precision == Precision.BF16) {
      in = Autocast.bf16(in);
    }
    NDArray out = in.matMul(labels.transpose());
    if (Autocast.isLow(out)) {
      out = out.toType(DataType.FLOAT32, false);
    }
    out.attach(videos.getManager());
    return out;
  }

  /** Similarities [V][L] on the Java heap. */
  public float[][] scores(float[][] videos) {
    try (NDManager scratch = manager.newSubManager()) {
      float[] flat = new float[videos.length * dimension()];
      for (int v = 0; v < videos.length; v++) {
        if (videos[v].length != dimension()) {
          throw new IllegalArgumentException(
              "video " + v + " has dimension " + videos[v].length + ", labels " + dimension());
        }
        System.arraycopy(videos[v], 0, flat, v * dimension(), dimension());
      }
      float[] s =
          scores(scratch.create(flat, new Shape(videos.length, dimension()))).toFloatArray();
      float[][] out = new float[videos.length][];
      for (int v = 0; v < videos.length; v++) {
        out[v] = java.util.Arrays.copyOfRange(s, v * size(), (v + 1) * size());
      }
      return out;
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
