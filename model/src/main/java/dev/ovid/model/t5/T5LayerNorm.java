package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.util.function.Function;

/** T5's RMS norm: scales by the root mean square only, with no mean subtraction and no bias. */
final class T5LayerNorm extends FrozenBlock {
  private final Parameter weight;
  private final float eps;

  T5LayerNorm(Function<String, NDArray> weights, String name, double eps) {
    this.weight = frozen("weight", weights, name);
    this.eps = (float) eps;
  }

  NDArray forward(NDArray x) {
    // Variance in f32 whatever the input type, as HF does (fp16 checkpoints overflow otherwise).
    NDArray x32 = x.toType(DataType.FLOAT32, false);
    NDArray variance = x32.square().mean(new int[] {-1}, true);
    NDArray normed = x32.div(variance.add(eps).sqrt());
    NDArray w = weight.getArray();
    return normed.toType(w.getDataType(), false).mul(w);
  }
}
