package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import dev.ovid.model.core.Tensors;
import java.util.function.Function;

/**
 * T5's feed-forward: {@code wo(act(wi x))} in the original T5, {@code wo(act(wi_0 x) ⊙ wi_1 x)} in
 * the gated variants of T5 v1.1 and Flan-T5 (gated-gelu uses HF's tanh-approximated "gelu_new").
 */
final class T5FeedForward extends FrozenBlock {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

  private final T5Config.FeedForwardKind kind;
  private final Parameter wi;
  private final Parameter wiGate;
  private final Parameter wo;

  T5FeedForward(Function<String, NDArray> weights, String prefix, T5Config config) {
    this.kind = config.feedForward();
    if (kind.gated()) {
      this.wiGate = frozen("wi_0", weights, prefix + ".wi_0.weight");
      this.wi = frozen("wi_1", weights, prefix + ".wi_1.weight");
    } else {
      this.wiGate = null;
      this.wi = frozen("wi", weights, prefix + ".wi.weight");
    }
    this.wo = frozen("wo", weights, prefix + ".wo.weight");
  }

  NDArray forward(NDArray x) {
    NDArray hidden;
    if (kind.gated()) {
      hidden = activate(linear(x, wiGate)).mul(linear(x, wi));
    } else {
      hidden = activate(linear(x, wi));
    }
    return linear(hidden, wo);
  }

  private NDArray activate(NDArray x) {
    return switch (kind) {
      case RELU, GATED_RELU -> Activation.relu(x);
      case GATED_SILU -> x.mul(Activation.sigmoid(x));
      case GATED_GELU -> geluNew(x);
    };
  }

  /** HF's NewGELUActivation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
  static NDArray geluNew(NDArray x) {
    // Constants through Scalars: prefixes train through this function (see Scalars).
    NDArray cube = Tensors.pow(x, 3f);
    NDArray inner = Tensors.mul(x.add(Tensors.mul(cube, 0.044715f)), (float) SQRT_2_OVER_PI);
    return Tensors.mul(x, 0.5f).mul(inner.tanh().add(1f));
  }
}
