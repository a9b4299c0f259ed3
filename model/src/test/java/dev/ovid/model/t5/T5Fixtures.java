package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Locates the T5 fixtures written by model/scripts/make_t5_fixtures.py. */
public final class T5Fixtures {
  private T5Fixtures() {}

  public static Path root() {
    try {
      return Path.of(T5Fixtures.class.getResource("/fixtures/t5/tokenizer_cases.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path tokenizerJson() {
    return root().resolve("tokenizer/tokenizer.json");
  }

  /** The named reference tensors of one checkpoint ("flan" or "relu-tied"). */
  static Map<String, NDArray> reference(String name, NDManager manager) {
    Path file = root().resolve(name + "_reference.safetensors");
    try {
      Map<String, NDArray> out = new HashMap<>();
      for (NDArray a : NDList.decode(manager, Files.readAllBytes(file))) {
        out.put(a.getName(), a);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float maxAbsError(NDArray actual, NDArray expected) {
    return actual.sub(expected).abs().max().getFloat();
  }
}
