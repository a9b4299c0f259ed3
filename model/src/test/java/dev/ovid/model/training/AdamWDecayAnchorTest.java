package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWDecayAnchorTest {
  /**
   * With a zero gradient only decay moves θ: toward zero, θ(1 − lr·wd); toward an anchor a, θ −
   * lr·wd(θ − a).
   */
  @Test
  void decaysTowardItsAnchorInsteadOfZero() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray toZero = m.full(new Shape(1, 2), 2f);
      NDArray toAnchor = m.full(new Shape(1, 2), 2f);
      NDArray anchor = m.full(new Shape(1, 2), 1f);
      Map<String, NDArray> params = Map.of("a.weight", toZero, "b.weight", toAnchor);
      AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0.5f);
      adam.initialize(params);
      adam.setDecayAnchors(Map.of("b.weight", anchor));
      adam.step(
          params,
          Map.of("a.weight", m.zeros(new Shape(1, 2)), "b.weight", m.zeros(new Shape(1, 2))),
          0.1f);
      assertArrayEquals(new float[] {1.9f, 1.9f}, toZero.toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {1.95f, 1.95f}, toAnchor.toFloatArray(), 1e-6f);
    }
  }
}
