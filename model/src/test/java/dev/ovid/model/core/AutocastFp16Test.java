package dev.ovid.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * {@link Autocast} under {@link Precision#FP16}: float32 products run in float16 and come back
 * float32, equal to float32's to float16's precision (11 significant bits: 0.5% of the largest
 * value here) but not identical; gradients reach float32 master weights through the float16 casts;
 * the ops the CLIP towers use run on float16 tensors through DJL 0.35.1 on the CPU (libtorch 2.7.1
 * has CPU float16 kernels for conv2d, layer norm with float32 gamma/beta, fused attention, softmax,
 * erf, sigmoid: none needs routing through float32), so CI covers the GPU's FP16 path.
 */
class AutocastFp16Test {

  @Test
  void productsInsideFp16EnableRunInFloat16AndReturnFloat32() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = Tensors.normal(m, new Shape(4, 32), 1.0, new CounterRandom(3, 1));
      NDArray w = Tensors.normal(m, new Shape(6, 32), 0.2, new CounterRandom(3, 2));
      NDArray b = Tensors.normal(m, new Shape(6), 0.2, new CounterRandom(3, 3));
      NDArray q = Tensors.normal(m, new Shape(1, 2, 5, 8), 1.0, new CounterRandom(3, 4));
      NDArray full = Autocast.linear(x, w, b);
      NDArray fullProduct = Autocast.matMul(x, w.transpose());
      NDArray fullAttention = Autocast.attention(q, q, q, null);
      NDArray[] mixed;
      try (Autocast.Scope scope = Autocast.enable(Precision.FP16)) {
        assertEquals(DataType.FLOAT16, Autocast.lowType());
        mixed =
            new NDArray[] {
              Autocast.linear(x, w, b),
              Autocast.matMul(x, w.transpose()),
              Autocast.attention(q, q, q, null)
            };
      }
      NDArray[] reference = {full, fullProduct, fullAttention};
      for (int i = 0; i < mixed.length; i++) {
        assertEquals(DataType.FLOAT32, mixed[i].getDataType());
        double diff = maxRelative(mixed[i].toFloatArray(), reference[i].toFloatArray());
        assertTrue(diff < 0.005, "fp16 result " + i + " off by " + diff);
        assertTrue(diff > 1e-7, "result " + i + " identical to float32: not computed in fp16");
      }
    }
  }

  @Test
  void gradientsReachFloat32MasterWeightsThroughFp16Products() {
    GradMode.offOnThisThread();
    try (NDManager m = NDManager.newBaseManager()) {
      float[][] full = AutocastTest.gradients(m, Precision.FP32);
      float[][] mixed = AutocastTest.gradients(m, Precision.FP16);
      for (int i = 0; i < full.length; i++) {
        double diff = maxRelative(mixed[i], full[i]);
        assertTrue(diff < 0.005, "fp16 gradient " + i + " off by " + diff);
        assertTrue(diff > 1e-7, "gradient " + i + " identical to float32: not computed in fp16");
      }
    }
  }

  /** What a float16 CLIP tower runs, forward and backward, on the CPU. */
  @Test
  void fp16TowerOpsRunOnTheCpuForwardAndBackward() {
    GradMode.offOnThisThread();
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      NDArray pixels = Tensors.normal(m, new Shape(2, 3, 8, 8), 1.0, new CounterRandom(7, 1));
      pixels.setRequiresGradient(true);
      NDArray kernel =
          Autocast.fp16(Tensors.normal(m, new Shape(16, 3, 4, 4), 0.2, new CounterRandom(7, 2)));
      NDArray gamma = m.ones(new Shape(16));
      NDArray beta = m.zeros(new Shape(16));
      NDArray w = Autocast.fp16(Tensors.normal(m, new Shape(16, 16), 0.2, new CounterRandom(7, 3)));
      NDArray mask = m.zeros(new Shape(4, 4));
      NDArray out;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector();
          Autocast.Scope scope = Autocast.enable(Precision.FP16)) {
        NDArray in = Autocast.castLike(pixels, kernel);
        assertEquals(DataType.FLOAT16, in.getDataType());
        NDArray patches =
            Conv2d.conv2d(in, kernel, null, new Shape(4, 4)).singletonOrThrow(); // [2, 16, 2, 2]
        NDArray tokens = patches.reshape(2, 16, 4).transpose(0, 2, 1); // [2, 4, 16]
        NDArray h = Autocast.layerNorm(tokens, new Shape(16), gamma, beta, 1e-5f);
        NDArray y = Autocast.linear(h, w, null);
        NDArray heads = y.reshape(2, 4, 2, 8).transpose(0, 2, 1, 3);
        NDArray a = Autocast.attention(heads, heads, heads, mask);
        NDArray s = Autocast.softmax(a.mul(ai.djl.nn.Activation.sigmoid(a)).erf());
        out = s;
        assertEquals(DataType.FLOAT16, out.getDataType(), "a float16 tower stays float16");
        collector.backward(Autocast.fp32(out).sum().add(Autocast.fp32(a).square().sum()));
      }
      for (float v : Autocast.fp32(out).toFloatArray()) {
        assertTrue(Float.isFinite(v));
      }
      assertEquals(DataType.FLOAT32, pixels.getGradient().getDataType());
      float sumAbs = pixels.getGradient().abs().sum().getFloat();
      assertTrue(Float.isFinite(sumAbs) && sumAbs > 0f, "gradient reaches the pixels: " + sumAbs);
    }
  }

  @Test
  void suspendFloat16TurnsFloat16ProductsOffButKeepsBf16() {
    assertNull(Autocast.lowType());
    try (Autocast.Scope fp16 = Autocast.enable(Precision.FP16)) {
      try (Autocast.Scope t5 = Autocast.suspendFloat16()) {
        assertFalse(Autocast.enabled(), "T5's products run in float32 under FP16");
      }
      assertEquals(DataType.FLOAT16, Autocast.lowType());
      try (Autocast.Scope inner = Autocast.enable(Precision.BF16)) {
        assertEquals(DataType.FLOAT16, Autocast.lowType(), "the enclosing scope's type wins");
      }
    }
    try (Autocast.Scope bf16 = Autocast.enable(Precision.BF16)) {
      try (Autocast.Scope t5 = Autocast.suspendFloat16()) {
        assertEquals(DataType.BFLOAT16, Autocast.lowType(), "bfloat16 has float32's range");
      }
    }
    assertNull(Autocast.lowType());
  }

  @Test
  void castsBetweenTheTwoLowTypes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1.5f, -2.25f, 1000f});
      NDArray half = Autocast.fp16(x);
      assertEquals(DataType.FLOAT16, half.getDataType());
      NDArray brain = Autocast.bf16(half);
      assertTrue(Autocast.isLow(brain));
      assertEquals(DataType.FLOAT16, Autocast.castLike(brain, half).getDataType());
      assertEquals(DataType.FLOAT32, Autocast.castLike(x, x).getDataType(), "float32 stays");
      float[] back = Autocast.fp32(brain).toFloatArray();
      assertEquals(1.5f, back[0]);
      assertEquals(-2.25f, back[1]);
      assertEquals(1000f, back[2]);
    }
  }

  private static double maxRelative(float[] a, float[] b) {
    double scale = 0;
    for (float v : b) {
      scale = Math.max(scale, Math.abs(v));
    }
    double diff = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - b[i]));
    }
    return diff / scale;
  }
}
