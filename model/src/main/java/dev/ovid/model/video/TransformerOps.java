package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.Tensors;
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

  /**
   * One HF {@code CLIPEncoderLayer} (pre-LN attention and MLP, both residual) with the caller's
   * weights ({@code layer_norm1.weight}, {@code self_attn.q_proj.weight}, {@code mlp.fc1.weight},
   * ...). Written here rather than calling the CLIP block because gradients flow through it: every
   * constant goes through {@link Tensors#scalarLike} (autograd-safe).
   *
   * @param activation HF name: {@code quick_gelu}, {@code gelu}, {@code gelu_new} / {@code
   *     gelu_pytorch_tanh}, {@code relu}
   */
  public static NDArray clipEncoderLayer(
      NDArray x, Map<String, NDArray> w, int heads, float eps, String activation) {
    NDArray h = layerNorm(x, w.get("layer_norm1.weight"), w.get("layer_norm1.bias"), eps);
    x = x.add(selfAttention(h, w, "self_attn.", heads));
    h = layerNorm(x, w.get("layer_norm2.weight"), w.get("layer_norm2.bias"), eps);
    // fc1, the activation and fc2 in bfloat16 under mixed precision, one cast in and one out.
    NDArray m = linear(Autocast.operand(h), w.get("mlp.fc1.weight"), w.get("mlp.fc1.bias"));
    m = activation(m, activation);
    m = linear(m, w.get("mlp.fc2.weight"), w.get("mlp.fc2.bias"));
    return x.add(Autocast.like(m, h));
  }

  /** CLIP's MLP activations, autograd-safe. */
  public static NDArray activation(NDArray x, String name) {
    switch (name) {
      case "quick_gelu":
        return x.mul(Activation.sigmoid(Tensors.mul(x, 1.702f)));
      case "gelu":
        return Tensors.mul(
            x.mul(Tensors.add(Tensors.div(x, (float) Math.sqrt(2.0)).erf(), 1f)), 0.5f);
      case "gelu_new":
      case "gelu_pytorch_tanh":
        NDArray inner =
            Tensors.mul(
                x.add(Tensors.mul(x.mul(x).mul(x), 0.044715f)), (float) Math.sqrt(2.0 / Math.PI));
        return Tensors.mul(x, 0.5f).mul(Tensors.add(inner.tanh(), 1f));
      case "relu":
        return Tensors.maximum(x, 0f);
      default:
        throw new IllegalArgumentException("unsupported CLIP activation: " + name);
    }
  }
}
