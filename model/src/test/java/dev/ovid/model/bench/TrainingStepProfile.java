package dev.ovid.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.Precision;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingDataset;
import java.nio.file.Path;
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
    TrainingConfig config = ModelBenchmark.trainingConfig(size, warmup + 1);
    List<String> vocabulary = ModelBenchmark.vocabulary(size, config);
    int[][] positives = ModelBenchmark.positives(size, vocabulary.size());
    try (OvidModel model = ModelBenchmark.model(clipDir, t5Dir, size, config, precision);
        NDManager data = NDManager.newBaseManager(model.manager().getDevice())) {
      NDArray frames = ModelBenchmark.frames(data, size);
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
