package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** A float32 tensor copied out of the engine, so a checkpoint outlives the arrays it came from. */
public record TensorRecord(long[] shape, float[] values) {

  public static TensorRecord of(NDArray array) {
    NDArray f =
        array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
    return new TensorRecord(array.getShape().getShape(), f.toFloatArray());
  }

  public NDArray toArray(NDManager manager) {
    return manager.create(values, new Shape(shape));
  }

  /** Copies the values into an existing array of the same shape, in place. */
  public void copyInto(NDArray target, String name) {
    if (!target.getShape().equals(new Shape(shape))) {
      throw new TensorArchiveException(
          "tensor '"
              + name
              + "' has shape "
              + new Shape(shape)
              + " in the checkpoint but "
              + target.getShape()
              + " in the model");
    }
    target.set(values);
  }
}
