package dev.ovid.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step of the benchmark's model spends its time, by libtorch op: runs {@code
 * warmup} steps, then one under libtorch's profiler, and prints the ops with the most time
 * (inclusive, so nested ops count in their parents too). A diagnostic, not a test:
 *
 * <pre>
 * java -cp <model test classpath> dev.ovid.model.bench.TrainingStepProfile \
 *     .ovid/bench/clip-base-17 .ovid/bench/t5-base-17 base bf16 [warmup=2] [trace.json]
 * </pre>
 */
public final class TrainingStepProfile {
  public static void main(String[] args) throws Exception {
    Path clipDir = Path.of(args[0]);
    Path t5Dir = Path.of(args[1]);
    BenchSize size = BenchSize.named(args[2]);
    Precision precision = Precision.parse(args[3], ai.djl.Device.cpu());
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    Path trace = Path.of(args.length > 5 ? args[5] : "/tmp/ovid-step-trace.json");
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(warmup + 1)
            .batchSize(size.videos())
            .learningRate(1e-4f)
            .temporalLayers(size.temporalLayers())
            .frames(size.frames())
            .seed(17)
            .checkpointEverySteps(0)
            .build();
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < config.classesPerVideo() * size.videos(); i++) {
      vocabulary.add("label " + i);
    }
    int[][] positives = new int[size.videos()][];
    for (int v = 0; v < size.videos(); v++) {
      positives[v] = new int[] {v, (v + 5) % vocabulary.size()};
    }
    try (OvidModel model =
            OvidModels.learnableLlmPrompt(
                clipDir,
                t5Dir,
                t5Dir.resolve("tokenizer.json"),
                size.prompts(),
                config.videoEncoderConfig(),
                17,
                precision);
        NDManager data = NDManager.newBaseManager(model.manager().getDevice())) {
      int s = size.vision().imageSize();
      NDArray frames =
          Tensors.normal(
                  data,
                  new Shape(size.videos(), size.frames(), 3, s, s),
                  0.25,
                  new CounterRandom(99))
              .add(0.5f)
              .clip(0f, 1f);
      TrainingDataset dataset = ModelBenchmark.dataset(frames, vocabulary, positives);
      long[] start = {System.nanoTime()};
      new OvidTrainer(model, config)
          .train(
              dataset,
              (epoch, step, total, loss, rate) -> {
                System.out.printf(
                    "step %d: %.0f ms (loss %.5f)%n",
                    step, (System.nanoTime() - start[0]) / 1e6, loss);
                if (step == warmup) {
                  JniUtils.startProfile(false, false, false);
                }
                if (step == warmup + 1) {
                  JniUtils.stopProfile(trace.toString());
                }
                start[0] = System.nanoTime();
              });
    }
    summarize(trace);
  }

  private static void summarize(Path trace) throws Exception {
    JsonNode root = new ObjectMapper().readTree(trace.toFile());
    JsonNode events = root.isArray() ? root : root.get("traceEvents");
    Map<String, double[]> byName = new HashMap<>();
    for (JsonNode e : events) {
      if (!e.has("dur")) {
        continue;
      }
      double[] acc = byName.computeIfAbsent(e.get("name").asText(), k -> new double[2]);
      acc[0] += e.get("dur").asDouble() / 1000.0;
      acc[1]++;
    }
    System.out.println("op | total ms (inclusive) | calls");
    byName.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .limit(45)
        .forEach(
            e ->
                System.out.printf(
                    "%-45s %10.1f %8.0f%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
  }
}
