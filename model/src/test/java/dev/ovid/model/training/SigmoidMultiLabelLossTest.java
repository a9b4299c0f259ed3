package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigmoidMultiLabelLossTest {
  static final int CHURN = 2000;

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
  void aLearnedLogScaleGivesTheFixedTemperaturesLossAndItsGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray v =
          Tensors.normalizeRows(Tensors.normal(m, new Shape(3, 5), 1, new CounterRandom(5)));
      NDArray t =
          Tensors.normalizeRows(Tensors.normal(m, new Shape(4, 5), 1, new CounterRandom(6)));
      NDArray y = m.create(new float[] {1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1}, new Shape(3, 4));
      float tau = 0.1f;
      var loss = new SigmoidMultiLabelLoss(0.5f, 1f); // its fixed τ is not used below
      NDArray scale = m.create(new float[] {(float) Math.log(1 / tau)}, new Shape(1));
      scale.setRequiresGradient(true);
      float learned;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray value = loss.compute(v, t, y, scale);
        collector.backward(value);
        learned = value.getFloat();
      }
      float fixed = new SigmoidMultiLabelLoss(tau, 1f).compute(v, t, y).getFloat();
      assertEquals(fixed, learned, 1e-4);
      // dL/d(log scale) by central differences.
      float h = 1e-2f;
      float up =
          loss.compute(v, t, y, m.create(new float[] {scale.getFloat(0) + h}, new Shape(1)))
              .getFloat();
      float down =
          loss.compute(v, t, y, m.create(new float[] {scale.getFloat(0) - h}, new Shape(1)))
              .getFloat();
      assertEquals((up - down) / (2 * h), scale.getGradient().getFloat(0), 1e-2);
    }
  }

  @Test
  void gradientsStayExactWhenMemoryIsReusedBetweenForwardAndBackward() {
    // DJL's mul(Number) & co. free their scalar right after the op; the loss must not use them
    float tau = 0.2f;
    float w = 0.6f;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray v = Tensors.normal(m, new Shape(2, 3), 0.5, new CounterRandom(3));
      NDArray t = Tensors.normal(m, new Shape(4, 3), 0.5, new CounterRandom(4));
      float[] y = {1, 0, 0, 1, 0, 1, 0, 0};
      v.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss =
            new SigmoidMultiLabelLoss(tau, w).compute(v, t, m.create(y, new Shape(2, 4)));
        List<ByteBuffer> churn = new ArrayList<>();
        for (int i = 0; i < CHURN; i++) {
          churn.add(ByteBuffer.allocateDirect(4).putFloat(0, 1e30f));
        }
        churn.clear();
        System.gc();
        for (int i = 0; i < CHURN; i++) {
          churn.add(ByteBuffer.allocateDirect(4).putFloat(0, -7e20f));
        }
        collector.backward(loss);
      }
      float[] grad = v.getGradient().toFloatArray();
      float[] vs = v.toFloatArray();
      float[] ts = t.toFloatArray();
      for (int i = 0; i < 2; i++) {
        for (int d = 0; d < 3; d++) {
          double expected = 0;
          for (int c = 0; c < 4; c++) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
              s += vs[i * 3 + k] * ts[c * 3 + k];
            }
            double p = 1 / (1 + Math.exp(-s / tau));
            double dz = -y[i * 4 + c] * (1 - p) + w * (1 - y[i * 4 + c]) * p;
            expected += dz * ts[c * 3 + d] / tau / 2;
          }
          assertEquals(expected, grad[i * 3 + d], 1e-5, "gradient [" + i + "," + d + "]");
        }
      }
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
