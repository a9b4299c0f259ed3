package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.weights.Weights;

/** {@code y = x Wᵀ + b} with HF's {@code weight} [out, in] and optional {@code bias} [out]. */
public final class ClipLinear extends FrozenParameterBlock {
  private final Parameter weight;
  private final Parameter bias;
  private final long outFeatures;

  /** Reads {@code weight} (and {@code bias} when {@code withBias}) from {@code w}. */
  public ClipLinear(Weights w, long in, long out, boolean withBias) {
    this.outFeatures = out;
    this.weight = frozen("weight", Parameter.Type.WEIGHT, w.get("weight"), out, in);
    this.bias = withBias ? frozen("bias", Parameter.Type.BIAS, w.get("bias"), out) : null;
  }

  public Parameter weight() {
    return weight;
  }

  /** The bias, or null for bias-free projections. */
  public Parameter bias() {
    return bias;
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    return apply(
        x, value(ps, weight, x, training), bias == null ? null : value(ps, bias, x, training));
  }

  static NDArray apply(NDArray x, NDArray weight, NDArray bias) {
    return Autocast.linear(x, weight, bias);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
  }
}
