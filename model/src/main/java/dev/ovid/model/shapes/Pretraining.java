package dev.ovid.model.shapes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import dev.ovid.model.core.FileTrees;
import dev.ovid.model.training.AdamW;
import dev.ovid.model.training.GradientClipping;
import dev.ovid.model.training.LearningRateSchedule;
import dev.ovid.model.weights.SafetensorsWriter;
import dev.ovid.model.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the shapes world's pretrainings share ({@link ClipPretraining}, {@link T5Pretraining}): the
 * optimisation loop, in which every parameter trains with AdamW (β 0.9/0.98, weight decay 0.01), a
 * warm-up of a tenth of the steps then cosine decay to 5 % of the peak rate, gradients clipped to
 * global norm 1, and a loss that is not finite stops it with the step's number; and writing the
 * trained weights out as a Hugging Face folder.
 */
public final class Pretraining {
  /** One step's forward and backward pass; returns the loss. */
  @FunctionalInterface
  interface Step {
    float run(int step);
  }

  record Losses(float first, float last) {}

  private Pretraining() {}

  /**
   * Runs {@code steps} steps of {@code step} over {@code params} (they require gradients while it
   * runs), logging the loss every {@code logEvery} steps as "{@code name} step i/n loss x".
   */
  static Losses run(
      Map<String, NDArray> params,
      float learningRate,
      int steps,
      int logEvery,
      String name,
      Step step,
      Consumer<String> log) {
    params.values().forEach(p -> p.setRequiresGradient(true));
    AdamW adam = new AdamW(0.9f, 0.98f, 1e-6f, 0.01f);
    adam.initialize(params);
    LearningRateSchedule schedule =
        new LearningRateSchedule(learningRate, Math.max(1, steps / 10), steps, 0.05f);
    float first = Float.NaN;
    float last = Float.NaN;
    for (int i = 0; i < steps; i++) {
      float loss;
      try (NDScope scope = new NDScope()) {
        loss = step.run(i);
        Map<String, NDArray> grads = new LinkedHashMap<>();
        params.forEach((k, p) -> grads.put(k, p.getGradient()));
        GradientClipping.clipByGlobalNorm(grads, 1f);
        adam.step(params, grads, schedule.rate(i));
        grads.values().forEach(g -> g.subi(g));
      }
      if (!Float.isFinite(loss)) {
        throw new IllegalStateException(name + " loss became " + loss + " at step " + i);
      }
      if (i == 0) {
        first = loss;
      }
      last = loss;
      if ((i + 1) % logEvery == 0 || i + 1 == steps) {
        log.accept(String.format("  %s step %d/%d loss %.3f", name, i + 1, steps, loss));
      }
    }
    params.values().forEach(p -> p.setRequiresGradient(false));
    return new Losses(first, last);
  }

  /**
   * Writes {@code target}: {@code files} copied from {@code from} (config, tokenizer) and the
   * weights as float32 {@code model.safetensors}. Built beside it and moved into place in one step,
   * so a reader never sees half a folder.
   */
  static void writeFolder(Path from, List<String> files, Weights weights, Path target)
      throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, target.getFileName().toString());
    for (String file : files) {
      Files.copy(from.resolve(file), tmp.resolve(file));
    }
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    for (String name : weights.names()) {
      tensors.put(name, weights.get(name).toType(DataType.FLOAT32, true));
    }
    SafetensorsWriter.write(tmp.resolve("model.safetensors"), tensors);
    FileTrees.delete(target);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
