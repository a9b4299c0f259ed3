package dev.ovid.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.TrainingListener;
import dev.ovid.model.weights.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times Ovid's training step and video inference on a small configuration and writes everything a
 * PyTorch re-implementation needs to run the same steps from the same weights ({@code
 * model/bench/train_step_bench.py}). Not a test: run {@code model/bench/train_step_bench.sh}.
 *
 * <p>Usage: {@code TrainStepBenchmark OUT_DIR [steps]}. The batch holds all B videos and the
 * vocabulary has exactly 4B labels, so every step scores the same videos against every label and
 * the loss does not depend on sampling order (only α differs per step, drawn from the seed).
 */
public final class TrainStepBenchmark {
  static final TinyClipSpec SPEC = new TinyClipSpec(64, 4, 4, 256, 64, 16, 32, 24);
  static final int VIDEOS = 4;

  public static void main(String[] args) throws Exception {
    ObjectNode result = run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 12);
    System.out.printf(
        "ovid: train step %.2f ms, inference %.2f ms (median), loss %.5f -> %.5f%n",
        result.get("train_step_ms_median").asDouble(),
        result.get("infer_ms_median").asDouble(),
        result.get("losses").get(0).asDouble(),
        result.get("losses").get(result.get("losses").size() - 1).asDouble());
  }

  /**
   * Trains {@code steps} steps and times inference, writing the inputs and {@code ovid.json} to
   * {@code out}.
   *
   * @return the contents of {@code ovid.json}
   */
  public static ObjectNode run(Path out, int steps) throws java.io.IOException {
    Files.createDirectories(out);
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(steps)
            .batchSize(VIDEOS)
            .learningRate(1e-3f)
            .weightDecay(0.05f)
            .temporalLayers(2)
            .frames(4)
            .temperature(0.07f)
            .negativeWeight(1f)
            .seed(17)
            .checkpointEverySteps(0)
            .build();
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < config.classesPerVideo() * VIDEOS; i++) {
      vocabulary.add("label " + i);
    }
    int[][] positives = new int[VIDEOS][];
    for (int v = 0; v < VIDEOS; v++) {
      positives[v] = new int[] {v, (v + 5) % vocabulary.size()};
    }
    try (OvidModel model =
            OvidModels.tinyRandom(SPEC, config.videoEncoderConfig(), config.seed(), out);
        NDManager data = NDManager.newBaseManager()) {
      NDArray frames =
          Tensors.normal(
                  data,
                  new Shape(VIDEOS, config.frames(), 3, SPEC.imageSize(), SPEC.imageSize()),
                  0.25,
                  new CounterRandom(99))
              .add(0.5f)
              .clip(0f, 1f);
      Map<String, NDArray> init = new LinkedHashMap<>();
      model.trainableParameters().forEach((k, v) -> init.put(k, v.duplicate()));
      SafetensorsWriter.write(out.resolve("trainable_init.safetensors"), init);
      SafetensorsWriter.write(out.resolve("frames.safetensors"), Map.of("frames", frames));

      TrainingDataset dataset = ModelBenchmark.dataset(frames, vocabulary, positives);
      List<Float> losses = new ArrayList<>();
      List<Double> stepMs = new ArrayList<>();
      TrainingListener listener =
          (epoch, step, total, loss, rate) -> {
            losses.add(loss);
            stepMs.add(VIDEOS / rate * 1000);
          };
      new OvidTrainer(model, config).train(dataset, listener);

      List<Double> inferMs = new ArrayList<>();
      for (int i = 0; i < steps; i++) {
        try (NDManager scratch = data.newSubManager()) {
          NDArray batch = frames.duplicate();
          batch.attach(scratch);
          long t0 = System.nanoTime();
          model.embedVideos(batch).toFloatArray();
          inferMs.add((System.nanoTime() - t0) / 1e6);
        }
      }
      ObjectMapper json = new ObjectMapper();
      ObjectNode result = json.createObjectNode();
      result.put(
          "engine",
          "DJL " + Engine.getDjlVersion() + " / libtorch " + Engine.getInstance().getVersion());
      result.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
      result.set("config", json.valueToTree(config));
      result.set("spec", json.valueToTree(SPEC));
      result.put("clip_dir", "clip-random-" + config.seed());
      result.set("vocabulary", json.valueToTree(vocabulary));
      result.set("positives", json.valueToTree(positives));
      ArrayNode l = result.putArray("losses");
      losses.forEach(l::add);
      result.put(
          "train_step_ms_median", median(stepMs.subList(Math.min(2, steps - 1), stepMs.size())));
      result.put(
          "infer_ms_median", median(inferMs.subList(Math.min(2, steps - 1), inferMs.size())));
      Files.writeString(
          out.resolve("ovid.json"),
          json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      return result;
    }
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
