package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.Autocast;
import java.util.Map;

/**
 * Functional transformer pieces with Hugging Face CLIP semantics for the branch's temporal
 * attention, whose weights live in the branch's parameter map rather than in DJL blocks.
 */
public final class TransformerOps {
  private TransformerOps() {}

  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return Autocast.linear(x, weight, bias);
  }

  public static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, float eps) {
    Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
    return Autocast.layerNorm(x, last, gamma, beta, eps);
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
    // One cast for q, k, v, the attention and the output projection (see Autocast.operand).
    NDArray in = Autocast.operand(x);
    NDArray q = linear(in, w.get(prefix + "q_proj.weight"), w.get(prefix + "q_proj.bias"));
    NDArray k = linear(in, w.get(prefix + "k_proj.weight"), w.get(prefix + "k_proj.bias"));
    NDArray v = linear(in, w.get(prefix + "v_proj.weight"), w.get(prefix + "v_proj.bias"));
    q = q.reshape(n, s, heads, headDim).transpose(0, 2, 1, 3);
    k = k.reshape(n, s, heads, headDim).transpose(0, 2, 1, 3);
    v = v.reshape(n, s, heads, headDim).transpose(0, 2, 1, 3);
    NDArray out = Autocast.attention(q, k, v, null).transpose(0, 2, 1, 3).reshape(n, s, width);
    return Autocast.like(
        linear(out, w.get(prefix + "out_proj.weight"), w.get(prefix + "out_proj.bias")), x);
  }
}
