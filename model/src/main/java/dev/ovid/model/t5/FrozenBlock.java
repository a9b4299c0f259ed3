package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.Function;

/**
 * Base of T5's blocks: their parameters come loaded from a checkpoint and never train. They are
 * still DJL {@link Parameter}s, so that a model holding them lists them, and an optimizer skips
 * them because they require no gradient.
 */
abstract class FrozenBlock extends AbstractBlock {

  /** Adds the checkpoint tensor {@code name} as a frozen parameter of this block. */
  protected Parameter frozen(String localName, Function<String, NDArray> weights, String name) {
    NDArray array = weights.apply(name);
    return addParameter(
        Parameter.builder()
            .setName(localName)
            .setType(Parameter.Type.WEIGHT)
            .optShape(array.getShape())
            .optArray(array)
            .optRequiresGrad(false)
            .build());
  }

  /** {@code x · Wᵀ}, the bias-free linear map every T5 projection uses. */
  protected static NDArray linear(NDArray x, Parameter weight) {
    return dev.ovid.model.core.Autocast.linear(x, weight.getArray(), null);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " is called through its typed methods");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
