package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWTest {
  /** Reference AdamW (PyTorch's algorithm) for one scalar, in double precision. */
  private static double[] reference(double p, double[] grads, double lr, double wd) {
    double m = 0;
    double v = 0;
    double[] out = new double[grads.length];
    for (int t = 1; t <= grads.length; t++) {
      double g = grads[t - 1];
      p *= 1 - lr * wd;
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
      p -= lr / (1 - Math.pow(0.9, t)) * m / denom;
      out[t - 1] = p;
    }
    return out;
  }

  @Test
  void followsPytorchsAdamwUpdateAndDecaysOnlyMatrices() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray matrix = m.create(new float[] {0.5f, -1f}, new ai.djl.ndarray.types.Shape(1, 2));
      NDArray bias = m.create(new float[] {0.5f});
      Map<String, NDArray> params = new LinkedHashMap<>();
      params.put("layer.weight", matrix);
      params.put("layer.bias", bias);
      AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0.1f);
      adam.initialize(params);
      double[] grads = {0.3, -0.2, 0.05, 0.4};
      double[] decayed = reference(0.5, grads, 0.01, 0.1);
      double[] plain = reference(0.5, grads, 0.01, 0.0);
      for (int t = 0; t < grads.length; t++) {
        Map<String, NDArray> g = new LinkedHashMap<>();
        g.put(
            "layer.weight",
            m.create(new float[] {(float) grads[t], 0f}, new ai.djl.ndarray.types.Shape(1, 2)));
        g.put("layer.bias", m.create(new float[] {(float) grads[t]}));
        adam.step(params, g, 0.01f);
        assertEquals(decayed[t], matrix.toFloatArray()[0], 1e-6);
        assertEquals(plain[t], bias.toFloatArray()[0], 1e-6);
      }
      assertEquals(4, adam.updates());
    }
  }

  @Test
  void clipsToTheGlobalNormLikeClipGradNorm() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> g = new LinkedHashMap<>();
      g.put("a", m.create(new float[] {3f, 0f}));
      g.put("b", m.create(new float[] {4f}));
      float norm = GradientClipping.clipByGlobalNorm(g, 1f);
      assertEquals(5f, norm, 1e-6f);
      assertEquals(0.6f, g.get("a").toFloatArray()[0], 1e-5f);
      assertEquals(0.8f, g.get("b").toFloatArray()[0], 1e-5f);
      assertEquals(1f, GradientClipping.clipByGlobalNorm(g, 2f), 1e-5f);
      assertEquals(0.6f, g.get("a").toFloatArray()[0], 1e-5f);
    }
  }
}
