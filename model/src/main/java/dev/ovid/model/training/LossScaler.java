package dev.ovid.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.ovid.model.core.Tensors;
import java.util.Map;

/**
 * Dynamic loss scaling for float16 training: PyTorch's {@code torch.amp.GradScaler} with its
 * defaults, by hand. Float16 gradients flowing back through the low-precision products underflow
 * below 6e-8, so backward starts from loss × S; the float32 master gradients are divided by S
 * before clipping and the optimizer. A step whose gradients hold an inf or NaN (S was too large) is
 * skipped and S halved; after {@link #GROWTH_INTERVAL} good steps in a row S doubles.
 *
 * <p>Not thread safe: one per training run.
 */
public final class LossScaler {
  public static final float INITIAL_SCALE = 65536f;
  public static final float GROWTH_FACTOR = 2f;
  public static final float BACKOFF_FACTOR = 0.5f;
  public static final int GROWTH_INTERVAL = 2000;

  private final int growthInterval;
  private float scale;
  private int goodSteps;
  private long skippedSteps;

  /** PyTorch's defaults: S = 2^16, doubled after 2000 good steps. */
  public LossScaler() {
    this(INITIAL_SCALE, GROWTH_INTERVAL);
  }

  public LossScaler(float initialScale, int growthInterval) {
    if (!(initialScale > 0f) || !Float.isFinite(initialScale) || growthInterval < 1) {
      throw new IllegalArgumentException(
          "loss scale must be positive and finite and the growth interval at least 1, got "
              + initialScale
              + ", "
              + growthInterval);
    }
    this.scale = initialScale;
    this.growthInterval = growthInterval;
  }

  /** The current S. */
  public float scale() {
    return scale;
  }

  /** Good steps since S last changed. */
  public int goodSteps() {
    return goodSteps;
  }

  /** Optimizer steps skipped so far because a gradient overflowed. */
  public long skippedSteps() {
    return skippedSteps;
  }

  /**
   * loss × S: what backward runs from. The factor is an owned tensor ({@link Tensors#mul}): DJL's
   * {@code mul(Number)} leaves backward a scalar whose memory may be freed by then.
   */
  public NDArray scaled(NDArray loss) {
    return Tensors.mul(loss, scale);
  }

  /**
   * Divides every gradient by S in place.
   *
   * @return true when all of them are finite (the step may be taken)
   */
  public boolean unscale(Map<String, NDArray> gradients) {
    if (gradients.isEmpty()) {
      return true;
    }
    float inverse = 1f / scale;
    NDList sums = new NDList(gradients.size());
    for (NDArray g : gradients.values()) {
      g.muli(inverse);
      // A sum is NaN or infinite as soon as one element is (inf − inf is NaN); summed on the
      // device, read once (one synchronisation per step on a GPU).
      sums.add(g.sum().toType(DataType.FLOAT64, false));
    }
    try (NDArray all = NDArrays.stack(sums);
        NDArray total = all.sum()) {
      return Double.isFinite(total.getDouble());
    } finally {
      sums.close();
    }
  }

  /**
   * Records the outcome of a step: after an overflow S halves (and the caller skips the step);
   * after {@code growthInterval} good steps in a row S doubles.
   *
   * @param finite what {@link #unscale} returned
   * @return {@code finite}
   */
  public boolean update(boolean finite) {
    if (!finite) {
      scale *= BACKOFF_FACTOR;
      goodSteps = 0;
      skippedSteps++;
      return false;
    }
    goodSteps++;
    if (goodSteps == growthInterval) {
      float grown = scale * GROWTH_FACTOR;
      if (Float.isFinite(grown)) {
        scale = grown;
      }
      goodSteps = 0;
    }
    return true;
  }

  /** Restores the state a checkpoint recorded. */
  void restore(float scale, int goodSteps, long skippedSteps) {
    if (!(scale > 0f) || !Float.isFinite(scale) || goodSteps < 0 || skippedSteps < 0) {
      throw new IllegalArgumentException(
          "bad loss scaler state " + scale + ", " + goodSteps + ", " + skippedSteps);
    }
    this.scale = scale;
    this.goodSteps = goodSteps;
    this.skippedSteps = skippedSteps;
  }
}
