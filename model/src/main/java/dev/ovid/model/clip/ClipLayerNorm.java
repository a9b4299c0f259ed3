package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.weights.Weights;

/** Layer normalisation over the last axis with HF's {@code weight} and {@code bias}. */
public final class ClipLayerNorm extends FrozenParameterBlock {
  private final Parameter weight;
  private final Parameter bias;
  private final float eps;

  public ClipLayerNorm(Weights w, long width, float eps) {
    this.eps = eps;
    this.weight = frozen("weight", Parameter.Type.GAMMA, w.get("weight"), width);
    this.bias = frozen("bias", Parameter.Type.BETA, w.get("bias"), width);
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  public float eps() {
    return eps;
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    return apply(x, value(ps, weight, x, training), value(ps, bias, x, training), eps);
  }

  static NDArray apply(NDArray x, NDArray weight, NDArray bias, float eps) {
    return Autocast.layerNorm(x, weight.getShape(), weight, bias, eps);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
