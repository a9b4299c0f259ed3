package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * Base of CLIP's blocks: parameters come from a checkpoint, as DJL {@link Parameter}s that require
 * no gradient (so an optimizer skips them and gradients still reach the inputs). {@code
 * freezeParameters(false)} makes a block trainable.
 */
abstract class FrozenParameterBlock extends AbstractBlock {

  /** Adds {@code array} as a frozen parameter, after checking its shape. */
  protected Parameter frozen(String name, Parameter.Type type, NDArray array, long... shape) {
    if (shape.length > 0 && !array.getShape().equals(new Shape(shape))) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + " parameter '"
              + name
              + "' has shape "
              + array.getShape()
              + " but the config implies "
              + Arrays.toString(shape));
    }
    if (array.getDataType() != DataType.FLOAT32 && !dev.ovid.model.core.Autocast.isLow(array)) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + " parameter '"
              + name
              + "' is "
              + array.getDataType()
              + "; CLIP stores float32, or bfloat16 matrices in mixed precision");
    }
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(type)
            .optShape(array.getShape())
            .optArray(array)
            .optRequiresGrad(false)
            .build());
  }

  /** The value of {@code p} for a forward pass; without a store, the parameter's own array. */
  static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps == null ? p.getArray() : ps.getValue(p, like.getDevice(), training);
  }

  /** Children hold loaded arrays, so initializing them only settles their gradient flags. */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : getChildren().values()) {
      child.initialize(manager, dataType, inputShapes);
    }
  }
}
