package dev.ovid.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.Precision;
import dev.ovid.model.label.ClassNamePromptEncoder;
import dev.ovid.model.weights.Devices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class-name label encoding (labels/s) of a CLIP checkpoint in float32 and in BF16 (bf16 products
 * inside {@link Autocast#enable}, as {@code OvidModel.embedLabels} runs them), alternating per
 * batch so machine noise falls on both. Not a test: {@code java -cp <model test classpath>
 * dev.ovid.model.bench.LabelThroughputBenchmark CLIP_DIR [batch=64] [reps=3]}, e.g. with the random
 * base checkpoint that {@code bin/ovid bench model --size base} writes to {@code
 * .ovid/bench/clip-base-17}.
 */
public final class LabelThroughputBenchmark {
  private LabelThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path clipDir = Path.of(args[0]);
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (ClipModel fp32 = ClipModel.load(clipDir, Devices.best(), Precision.FP32);
        ClipModel bf16 = ClipModel.load(clipDir, Devices.best(), Precision.BF16)) {
      ClassNamePromptEncoder[] encoders = {
        new ClassNamePromptEncoder(fp32), new ClassNamePromptEncoder(bf16)
      };
      List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
      for (int r = 0; r <= reps; r++) {
        for (int side = 0; side < 2; side++) {
          List<String> labels = new ArrayList<>();
          for (int j = 0; j < batch; j++) {
            labels.add("class " + r + " number " + j + " side " + side);
          }
          long t0 = System.nanoTime();
          try (NDScope scope = new NDScope();
              Autocast.Scope mixed = Autocast.enable(side == 1)) {
            NDArray out = encoders[side].encode(labels);
            out.toFloatArray();
          }
          double rate = batch / ((System.nanoTime() - t0) / 1e9);
          System.err.printf("rep %d %s: %.1f labels/s%n", r, side == 0 ? "fp32" : "bf16", rate);
          if (r > 0) {
            rates.get(side).add(rate);
          }
        }
      }
      System.out.printf(
          "class-name prompts, batch %d: fp32 %s labels/s, bf16 %s labels/s (median of %d;"
              + " all: %s / %s)%n",
          batch,
          String.format("%.1f", Timings.of(rates.get(0)).median()),
          String.format("%.1f", Timings.of(rates.get(1)).median()),
          reps,
          rates.get(0),
          rates.get(1));
    }
  }
}
