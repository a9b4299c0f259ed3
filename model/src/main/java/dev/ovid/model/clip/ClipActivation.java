package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.ovid.model.core.Tensors;
import java.util.Locale;

/** The MLP activations CLIP configs name in {@code hidden_act}. */
public enum ClipActivation {
  /** {@code x · sigmoid(1.702 x)}, OpenAI CLIP's approximation. */
  QUICK_GELU,
  /** Exact GELU, {@code x · Φ(x)} (HF "gelu"). */
  GELU,
  /** GELU's tanh approximation (HF "gelu_new", "gelu_pytorch_tanh", "gelu_fast"). */
  GELU_TANH,
  RELU;

  public static ClipActivation fromHf(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "quick_gelu":
        return QUICK_GELU;
      case "gelu":
        return GELU;
      case "gelu_new":
      case "gelu_pytorch_tanh":
      case "gelu_fast":
        return GELU_TANH;
      case "relu":
        return RELU;
      default:
        throw new IllegalArgumentException(
            "unsupported hidden_act '" + name + "' (quick_gelu, gelu, gelu_new, relu)");
    }
  }

  public NDArray apply(NDArray x) {
    switch (this) {
      case QUICK_GELU:
        return x.mul(Activation.sigmoid(Tensors.mul(x, 1.702f)));
      case GELU:
        return Activation.gelu(x);
      case GELU_TANH:
        // 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))
        // Constants as owned tensors: DJL's mul(Number) breaks autograd (see Tensors.scalarLike).
        NDArray inner =
            Tensors.mul(
                x.add(Tensors.mul(Tensors.pow(x, 3f), 0.044715f)),
                (float) Math.sqrt(2.0 / Math.PI));
        return Tensors.mul(x, 0.5f).mul(Tensors.add(inner.tanh(), 1f));
      case RELU:
        return Activation.relu(x);
      default:
        throw new AssertionError(this);
    }
  }
}
