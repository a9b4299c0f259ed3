package dev.ovid.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * What bfloat16 can and cannot do through DJL 0.35.1's PyTorch engine, and {@link Autocast}'s
 * inference regime: inside {@link Autocast#enable} float32 products run in bfloat16 and come back
 * float32, equal to float32's to bfloat16's precision (8 significant bits: 3% of the largest value)
 * but not identical (proof that they did run in bfloat16).
 */
class AutocastTest {

  @Test
  void linearAndMatMulInsideEnableRunInBf16AndReturnFloat32() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = Tensors.normal(m, new Shape(4, 32), 1.0, new CounterRandom(3, 1));
      NDArray w = Tensors.normal(m, new Shape(6, 32), 0.2, new CounterRandom(3, 2));
      NDArray b = Tensors.normal(m, new Shape(6), 0.2, new CounterRandom(3, 3));
      NDArray full = Autocast.linear(x, w, b);
      NDArray fullProduct = Autocast.matMul(x, w.transpose());
      NDArray mixed;
      NDArray mixedProduct;
      try (Autocast.Scope scope = Autocast.enable(true)) {
        mixed = Autocast.linear(x, w, b);
        mixedProduct = Autocast.matMul(x, w.transpose());
      }
      assertEquals(DataType.FLOAT32, mixed.getDataType());
      assertEquals(DataType.FLOAT32, mixedProduct.getDataType());
      for (NDArray[] pair : new NDArray[][] {{mixed, full}, {mixedProduct, fullProduct}}) {
        double diff = maxRelative(pair[0].toFloatArray(), pair[1].toFloatArray());
        assertTrue(diff < 0.03, "bf16 result off by " + diff);
        assertTrue(diff > 1e-6, "identical to float32: not computed in bf16");
      }
      assertEquals(
          0.0, maxRelative(fullProduct.toFloatArray(), x.matMul(w.transpose()).toFloatArray()), 0);
    }
  }

  @Test
  void widenedLayerNormMatchesTheCpuMixedKernelAndPassesGradients() {
    // The GPU path (CUDA's layer norm wants one type) checked on the CPU against the CPU kernel,
    // which takes a bfloat16 activation with float32 gamma and beta itself.
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      NDArray master = Tensors.normal(m, new Shape(3, 5, 16), 1.0, new CounterRandom(5, 1));
      NDArray gamma = Tensors.normal(m, new Shape(16), 0.5, new CounterRandom(5, 2)).add(1f);
      NDArray beta = Tensors.normal(m, new Shape(16), 0.1, new CounterRandom(5, 3));
      master.setRequiresGradient(true);
      Shape last = new Shape(16);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray x = Autocast.bf16(master);
        NDArray kernel = Autocast.layerNorm(x, last, gamma, beta, 1e-5f);
        NDArray widened = Autocast.widenedLayerNorm(x, last, gamma, beta, 1e-5f);
        assertTrue(Autocast.isLow(widened), "returns the activation's type");
        assertEquals(
            0.0,
            maxRelative(
                Autocast.fp32(kernel).toFloatArray(), Autocast.fp32(widened).toFloatArray()),
            0.01);
        collector.backward(Autocast.fp32(widened).sum());
      }
      float[] grad = master.getGradient().toFloatArray();
      double norm = 0;
      for (float g : grad) {
        norm += g * g;
      }
      assertTrue(norm > 0, "no gradient reached the float32 master through the widened norm");
    }
  }

  @Test
  void enableNestsAndRestoresThePreviousState() {
    assertFalse(Autocast.enabled());
    try (Autocast.Scope outer = Autocast.enable(true)) {
      assertTrue(Autocast.enabled());
      try (Autocast.Scope inner = Autocast.enable(false)) {
        assertTrue(Autocast.enabled(), "an inner float32 scope keeps the outer mixed precision");
      }
      assertTrue(Autocast.enabled());
    }
    assertFalse(Autocast.enabled());
    try (Autocast.Scope off = Autocast.enable(false)) {
      assertFalse(Autocast.enabled());
    }
    try (Autocast.Scope outer = Autocast.enable(true)) {
      try (Autocast.Scope llm = Autocast.suspend()) {
        assertFalse(Autocast.enabled(), "suspend turns products back to float32 inside enable");
      }
      assertTrue(Autocast.enabled());
    }
  }

  /**
   * Mixed precision inside a gradient collector: a float32 master weight's gradient comes back in
   * float32 through the bfloat16 casts, close to the float32 gradient but not equal to it (proof
   * that the products ran in bfloat16). DJL's own {@code toType} would drop the gradient.
   */
  @Test
  void gradientsReachFloat32MasterWeightsThroughBf16Products() {
    GradMode.offOnThisThread();
    try (NDManager m = NDManager.newBaseManager()) {
      float[][] full = gradients(m, Precision.FP32);
      float[][] mixed = gradients(m, Precision.BF16);
      for (int i = 0; i < full.length; i++) {
        double diff = maxRelative(mixed[i], full[i]);
        assertTrue(diff < 0.03, "bf16 gradient " + i + " off by " + diff);
        assertTrue(diff > 1e-6, "gradient " + i + " identical to float32: not computed in bf16");
      }
    }
  }

  /** Gradients of x, W and b for sum(tanh(softmax(x Wᵀ + b) · W)), fresh leaves every call. */
  static float[][] gradients(NDManager m, Precision precision) {
    NDArray x = Tensors.normal(m, new Shape(4, 16), 1.0, new CounterRandom(5, 1));
    NDArray w = Tensors.normal(m, new Shape(8, 16), 0.3, new CounterRandom(5, 2));
    NDArray b = Tensors.normal(m, new Shape(8), 0.3, new CounterRandom(5, 3));
    for (NDArray leaf : new NDArray[] {x, w, b}) {
      leaf.setRequiresGradient(true);
    }
    try (GradientCollector collector = Engine.getInstance().newGradientCollector();
        Autocast.Scope scope = Autocast.enable(precision)) {
      NDArray p = Autocast.softmax(Autocast.linear(x, w, b));
      NDArray loss = Autocast.matMul(p, w).tanh().sum();
      assertEquals(DataType.FLOAT32, loss.getDataType());
      collector.backward(loss);
    }
    float[][] out = new float[3][];
    NDArray[] leaves = {x, w, b};
    for (int i = 0; i < 3; i++) {
      assertEquals(DataType.FLOAT32, leaves[i].getGradient().getDataType());
      out[i] = leaves[i].getGradient().toFloatArray();
    }
    return out;
  }

  /**
   * The CPU's bfloat16 attention (plain products, float32 softmax) against libtorch's fused kernel
   * on the same bfloat16 inputs, with and without an additive causal mask: outputs and the
   * gradients reaching float32 masters agree to bfloat16's precision.
   */
  @Test
  void cpuBf16AttentionAgreesWithTheFusedKernel() {
    GradMode.offOnThisThread();
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      float[] causal = new float[36]; // additive causal mask
      for (int i = 0; i < 6; i++) {
        for (int j = i + 1; j < 6; j++) {
          causal[i * 6 + j] = -1e9f;
        }
      }
      NDArray mask = m.create(causal, new Shape(1, 1, 6, 6));
      for (NDArray maybeMask : new NDArray[] {null, mask}) {
        float[][] plain = attentionAndGradient(m, maybeMask, false);
        float[][] fused = attentionAndGradient(m, maybeMask, true);
        for (int i = 0; i < plain.length; i++) {
          double diff = maxRelative(plain[i], fused[i]);
          assertTrue(diff < 0.05, (maybeMask == null ? "" : "masked ") + i + " off by " + diff);
        }
      }
    }
  }

  /** Attention output and the master q's gradient for sum(attention(q, k, v)²), in bfloat16. */
  private static float[][] attentionAndGradient(NDManager m, NDArray mask, boolean fused) {
    NDArray q = Tensors.normal(m, new Shape(3, 2, 6, 8), 1.0, new CounterRandom(9, 1));
    NDArray k = Tensors.normal(m, new Shape(3, 2, 6, 8), 1.0, new CounterRandom(9, 2));
    NDArray v = Tensors.normal(m, new Shape(3, 2, 6, 8), 1.0, new CounterRandom(9, 3));
    q.setRequiresGradient(true);
    float[] out;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray lq = Autocast.bf16(q);
      NDArray lk = Autocast.bf16(k);
      NDArray lv = Autocast.bf16(v);
      NDArray a =
          fused
              ? new TorchScriptOp(mask == null ? "attention.pt" : "masked_attention.pt")
                  .apply(
                      mask == null ? new NDArray[] {lq, lk, lv} : new NDArray[] {lq, lk, lv, mask})
              : Autocast.lowPrecisionCpuAttention(lq, lk, lv, mask);
      assertTrue(Autocast.isLow(a));
      NDArray wide = Autocast.fp32(a);
      out = wide.toFloatArray();
      collector.backward(wide.mul(wide).sum());
    }
    return new float[][] {out, q.getGradient().toFloatArray()};
  }

  /** Frozen weights stored in bfloat16 pass gradients on to a float32 input. */
  @Test
  void gradientsPassFrozenBf16WeightsToTheInput() {
    GradMode.offOnThisThread();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray frozen =
          Autocast.bf16(Tensors.normal(m, new Shape(8, 16), 0.3, new CounterRandom(6, 1)));
      NDArray x = Tensors.normal(m, new Shape(4, 16), 1.0, new CounterRandom(6, 2));
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector();
          Autocast.Scope scope = Autocast.enable(true)) {
        collector.backward(Autocast.linear(x, frozen, null).sum());
      }
      float[] expected = Autocast.fp32(frozen).sum(new int[] {0}).toFloatArray();
      float[] grad = x.getGradient().toFloatArray();
      for (int i = 0; i < grad.length; i++) {
        assertEquals(expected[i % 16], grad[i], 0.02 * Math.abs(expected[i % 16]) + 1e-3);
      }
    }
  }

  /**
   * The ops a bfloat16 inference path may use (a softmax written from max/sub/exp/sum/div among
   * them).
   */
  @Test
  void bf16ForwardOpsWorkThroughDjl() {
    GradMode.offOnThisThread();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = Autocast.bf16(Tensors.normal(m, new Shape(4, 8), 1.0, new CounterRandom(4, 1)));
      NDArray gamma = m.ones(new Shape(8));
      NDArray beta = m.zeros(new Shape(8));
      NDArray w = Autocast.bf16(Tensors.normal(m, new Shape(3, 8), 0.3, new CounterRandom(4, 2)));
      NDArray y = Linear.linear(x, w).singletonOrThrow();
      NDArray e = y.sub(y.max(new int[] {1}, true)).exp();
      NDArray p = e.div(e.sum(new int[] {1}, true));
      NDArray out =
          LayerNorm.layerNorm(p.matMul(w).add(x).mul(x), new Shape(8), gamma, beta, 1e-5f)
              .singletonOrThrow()
              .erf()
              .tanh()
              .transpose()
              .reshape(2, 16);
      assertTrue(Autocast.isLow(out), "stays bf16: " + out.getDataType());
      float[] values = out.toType(DataType.FLOAT32, false).toFloatArray();
      for (float v : values) {
        assertTrue(Float.isFinite(v));
      }
    }
  }

  private static double maxRelative(float[] a, float[] b) {
    double scale = 0;
    for (float v : b) {
      scale = Math.max(scale, Math.abs(v));
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]) / scale);
    }
    return max;
  }
}
