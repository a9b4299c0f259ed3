package dev.ovid.model.embeddings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.label.LabelEncoder;
import java.util.List;
import java.util.function.Function;

/**
 * Embeds a batch of label names: returns one row per name, all of the same width. Any label encoder
 * of the method (class-name prompt, templates, fixed or learnable LLM prompts) fits here.
 */
@FunctionalInterface
public interface BatchLabelEncoder {

  float[][] encode(List<String> labelNames);

  /**
   * Adapts an encoder that returns a DJL array of shape [n, D] (for example {@code
   * labelEncoder::encode}); the array is copied to the heap and closed.
   */
  static BatchLabelEncoder fromNDArray(Function<List<String>, NDArray> encoder) {
    return names -> {
      try (NDArray out = encoder.apply(names)) {
        if (out.getShape().dimension() != 2) {
          throw new IllegalStateException("label encoder returned shape " + out.getShape());
        }
        int n = (int) out.getShape().get(0);
        int d = (int) out.getShape().get(1);
        float[] flat = out.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
          System.arraycopy(flat, i * d, rows[i], 0, d);
        }
        return rows;
      }
    };
  }

  /**
   * Adapts one of the method's label encoders through its no-gradient vocabulary path ({@link
   * LabelEncoder#embed}); each batch's arrays live in a manager closed right after the copy.
   */
  static BatchLabelEncoder of(LabelEncoder encoder) {
    return names -> {
      try (NDManager batch = NDManager.newBaseManager()) {
        return fromNDArray(labels -> encoder.embed(labels, batch)).encode(names);
      }
    };
  }
}
