package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Fixture folders shared by the label encoder tests: tiny CLIP and tiny Flan-T5. */
final class LabelFixtures {
  private LabelFixtures() {}

  static Path resource(String path) {
    try {
      return Path.of(LabelFixtures.class.getResource("/fixtures/" + path).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path clip() {
    return resource("clip-tiny/config.json").getParent();
  }

  static Path t5() {
    return resource("t5/flan/config.json").getParent();
  }

  static Path t5Tokenizer() {
    return resource("t5/tokenizer/tokenizer.json");
  }

  /** Max over rows of |‖row‖ − 1|. */
  static float unitNormError(NDArray rows) {
    return rows.norm(new int[] {-1}).sub(1f).abs().max().getFloat();
  }

  static Shape shapeOf(int rows, int width) {
    return new Shape(rows, width);
  }
}
