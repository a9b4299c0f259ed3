package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.Map;

/**
 * Functional transformer pieces with Hugging Face CLIP semantics for the branch's temporal
 * attention, whose weights live in the branch's parameter map rather than in DJL blocks.
 */
public final class TransformerOps {
  private TransformerOps() {}

  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return bias == null
        ? Linear.linear(x, weight).singletonOrThrow()
        : Linear.linear(x, weight, bias).singletonOrThrow();
  }

  public static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, float eps) {
    Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
    return LayerNorm.layerNorm(x, last, gamma, beta, eps).singletonOrThrow();
  }

  /**
   * Multi-head self-attention over the middle axis of {@code x} [N, S, W] with weights {@code
   * prefix + "q_proj.weight"} etc.
   */
  public static NDArray selfAttention(NDArray x, Map<String, NDArray> w, String prefix, int heads) {
    long n = x.getShape().get(0);
    long s = x.getShape().get(1);
    long width = x.getShape().get(2);
    long headDim = width / heads;
    float scale = (float) (1.0 / Math.sqrt(headDim));
    NDArray q =
        linear(x, w.get(prefix + "q_proj.weight"), w.get(prefix + "q_proj.bias")).mul(scale);
    NDArray k = linear(x, w.get(prefix + "k_proj.weight"), w.get(prefix + "k_proj.bias"));
    NDArray v = linear(x, w.get(prefix + "v_proj.weight"), w.get(prefix + "v_proj.bias"));
    q = q.reshape(n, s, heads, headDim).transpose(0, 2, 1, 3);
    k = k.reshape(n, s, heads, headDim).transpose(0, 2, 3, 1);
    v = v.reshape(n, s, heads, headDim).transpose(0, 2, 1, 3);
    NDArray attention = q.matMul(k).softmax(-1);
    NDArray out = attention.matMul(v).transpose(0, 2, 1, 3).reshape(n, s, width);
    return linear(out, w.get(prefix + "out_proj.weight"), w.get(prefix + "out_proj.bias"));
  }
}
