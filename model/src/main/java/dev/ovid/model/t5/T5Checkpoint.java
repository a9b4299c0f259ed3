package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.weights.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

/** Tensor lookup for a T5 checkpoint folder (single or sharded safetensors; bf16/f16 widened). */
final class T5Checkpoint {
  private T5Checkpoint() {}

  static Function<String, NDArray> open(Path folder, NDManager manager) {
    try {
      return Weights.load(folder, manager)::get;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read T5 checkpoint " + folder, e);
    }
  }
}
