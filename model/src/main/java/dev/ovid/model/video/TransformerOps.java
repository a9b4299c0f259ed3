package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.Map;

/**
 * Functional transformer pieces with Hugging Face CLIP semantics. Weights are passed in rather than
 * owned so the temporal branch can run a CLIP layer with blended weights (stochastic weight
 * regularization) without copying parameters into a block.
 */
public final class TransformerOps {
  /** Keys of one HF {@code CLIPEncoderLayer}, relative to the layer prefix. */
  public static final String[] ENCODER_LAYER_KEYS = {
    "layer_norm1.weight",
    "layer_norm1.bias",
    "self_attn.q_proj.weight",
    "self_attn.q_proj.bias",
    "self_attn.k_proj.weight",
    "self_attn.k_proj.bias",
    "self_attn.v_proj.weight",
    "self_attn.v_proj.bias",
    "self_attn.out_proj.weight",
    "self_attn.out_proj.bias",
    "layer_norm2.weight",
    "layer_norm2.bias",
    "mlp.fc1.weight",
    "mlp.fc1.bias",
    "mlp.fc2.weight",
    "mlp.fc2.bias"
  };

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

  /** Activation by HF name: {@code quick_gelu} (original CLIP) or {@code gelu} (exact, erf). */
  public static NDArray activation(NDArray x, String name) {
    switch (name) {
      case "quick_gelu":
        return x.mul(Activation.sigmoid(x.mul(1.702f)));
      case "gelu":
        return x.mul(x.div((float) Math.sqrt(2.0)).erf().add(1f)).mul(0.5f);
      default:
        throw new IllegalArgumentException("unsupported activation: " + name);
    }
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

  /** One HF {@code CLIPEncoderLayer} (pre-LN attention and MLP, both residual). */
  public static NDArray clipEncoderLayer(
      NDArray x, Map<String, NDArray> w, int heads, float eps, String activation) {
    NDArray h = layerNorm(x, w.get("layer_norm1.weight"), w.get("layer_norm1.bias"), eps);
    x = x.add(selfAttention(h, w, "self_attn.", heads));
    h = layerNorm(x, w.get("layer_norm2.weight"), w.get("layer_norm2.bias"), eps);
    h = linear(h, w.get("mlp.fc1.weight"), w.get("mlp.fc1.bias"));
    h = activation(h, activation);
    h = linear(h, w.get("mlp.fc2.weight"), w.get("mlp.fc2.bias"));
    return x.add(h);
  }
}
