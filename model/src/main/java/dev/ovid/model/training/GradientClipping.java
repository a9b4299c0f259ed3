package dev.ovid.model.training;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Clipping by global L2 norm with PyTorch's {@code clip_grad_norm_} coefficient. */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Scales all gradients in place by min(1, maxNorm / (‖g‖ + 1e-6)).
   *
   * @return the global norm before clipping
   */
  public static float clipByGlobalNorm(Map<String, NDArray> gradients, float maxNorm) {
    double sumSquares = 0;
    for (NDArray g : gradients.values()) {
      try (NDArray sq = g.square().sum()) {
        sumSquares += sq.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
      }
    }
    float norm = (float) Math.sqrt(sumSquares);
    if (maxNorm > 0f && Float.isFinite(norm)) {
      float coefficient = (float) Math.min(1.0, maxNorm / (norm + 1e-6));
      if (coefficient < 1f) {
        for (NDArray g : gradients.values()) {
          g.muli(coefficient);
        }
      }
    }
    return norm;
  }
}
