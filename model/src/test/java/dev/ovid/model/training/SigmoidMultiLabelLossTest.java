package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import org.junit.jupiter.api.Test;

class SigmoidMultiLabelLossTest {
  @Test
  void matchesTheFormulaComputedDirectly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray v =
          Tensors.normalizeRows(Tensors.normal(m, new Shape(3, 5), 1, new CounterRandom(1)));
      NDArray t =
          Tensors.normalizeRows(Tensors.normal(m, new Shape(4, 5), 1, new CounterRandom(2)));
      float[] targets = {1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1};
      float tau = 0.1f;
      float w = 0.7f;
      float loss =
          new SigmoidMultiLabelLoss(tau, w)
              .compute(v, t, m.create(targets, new Shape(3, 4)))
              .getFloat();
      float[] s = v.matMul(t.transpose()).toFloatArray();
      double expected = 0;
      for (int i = 0; i < s.length; i++) {
        double p = 1 / (1 + Math.exp(-s[i] / tau));
        expected -= targets[i] == 1 ? Math.log(p) : w * Math.log(1 - p);
      }
      assertEquals(expected / 3, loss, 1e-4);
    }
  }

  @Test
  void logSigmoidStaysFiniteForLargeLogits() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] z =
          SigmoidMultiLabelLoss.logSigmoid(m.create(new float[] {-1000f, -30f, 0f, 30f, 1000f}))
              .toFloatArray();
      assertEquals(-1000f, z[0], 1e-3f);
      assertEquals(-30f, z[1], 1e-5f);
      assertEquals((float) Math.log(0.5), z[2], 1e-6f);
      assertTrue(z[3] <= 0f && z[3] > -1e-12f);
      assertEquals(0f, z[4], 0f);
    }
  }
}
