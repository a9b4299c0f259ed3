package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.weights.Weights;

/** CLIP's feed-forward: {@code fc2(act(fc1(x)))}. */
public final class ClipMlp extends FrozenParameterBlock {
  private final ClipLinear fc1;
  private final ClipLinear fc2;
  private final ClipActivation activation;

  public ClipMlp(Weights w, long width, long intermediate, ClipActivation activation) {
    this.activation = activation;
    this.fc1 = addChildBlock("fc1", new ClipLinear(w.prefix("fc1."), width, intermediate, true));
    this.fc2 = addChildBlock("fc2", new ClipLinear(w.prefix("fc2."), intermediate, width, true));
  }

  public ClipLinear fc1() {
    return fc1;
  }

  public ClipLinear fc2() {
    return fc2;
  }

  public ClipActivation activation() {
    return activation;
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    // Under mixed precision fc1, the activation and fc2 run in bfloat16 with one cast in and one
    // out, as PyTorch's autocast does (see Autocast.operand).
    NDArray in = Autocast.operand(x);
    return Autocast.like(
        fc2.forward(ps, activation.apply(fc1.forward(ps, in, training)), training), x);
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
