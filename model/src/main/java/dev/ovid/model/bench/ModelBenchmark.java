package dev.ovid.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.RandomClipCheckpoint;
import dev.ovid.model.core.RandomT5Checkpoint;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.label.ClassNamePromptEncoder;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.TrainingListener;
import dev.ovid.model.training.VideoExample;
import dev.ovid.model.weights.Devices;
import dev.ovid.model.weights.SafetensorsWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code bin/ovid bench model}: a training step (forward, backward, clipping, AdamW) and video
 * inference of the paper's model with random weights, timed in Ovid and in PyTorch from the same
 * weights and inputs. Both sides stay warm and alternate (Ovid step, PyTorch step, Ovid step...),
 * so machine noise falls on both; figures are medians with their spread. Also times label encoding
 * (labels/s) with class-name prompts and learnable LLM prompts (Ovid only).
 *
 * <p>The batch holds all B videos and the vocabulary exactly 4B labels, so each step scores the
 * same videos against every label on both sides and the first losses must agree.
 */
public final class ModelBenchmark {
  private static final long SEED = 17;

  /**
   * @param python the PyTorch side's interpreter (torch, transformers, safetensors)
   * @param workDir random checkpoints (kept and reused) and this run's inputs
   * @param warmup untimed steps each side runs first
   * @param steps timed steps (and inference batches) per side
   * @param labels also time label encoding
   * @param train also time training steps (off: inference only, for a loaded machine)
   */
  public record Options(
      String size,
      int threads,
      String precision,
      String device,
      Path python,
      Path workDir,
      int warmup,
      int steps,
      boolean labels,
      boolean train) {}

  /** Everything measured; {@link #summary} is the one-line JSON of {@code --json}. */
  public record Result(
      Options options,
      String engine,
      String torchVersion,
      Timings ovidTrain,
      Timings pytorchTrain,
      Timings ovidInfer,
      Timings pytorchInfer,
      List<Float> ovidLosses,
      List<Float> pytorchLosses,
      Map<String, Double> labelsPerSecond) {

    /** NaN when training was not timed. */
    public double trainRatio() {
      return ovidTrain == null ? Double.NaN : ovidTrain.median() / pytorchTrain.median();
    }

    public double inferRatio() {
      return ovidInfer.median() / pytorchInfer.median();
    }

    /**
     * The {@code --json} line, spaced like Python's {@code json.dumps}: {@code {"size": "base",
     * "threads": 2, "precision": "fp32", "train_ms": {"ovid": 0.0, "pytorch": 0.0}, "infer_ms":
     * {...}, "train_ratio": 0.0, "infer_ratio": 0.0, "torch_version": "2.7.1"}}.
     */
    public String summary() {
      ObjectMapper json = new ObjectMapper();
      try {
        return String.format(
            java.util.Locale.ROOT,
            "{\"size\": %s, \"threads\": %d, \"precision\": %s, \"train_ms\": {\"ovid\": %s,"
                + " \"pytorch\": %s}, \"infer_ms\": {\"ovid\": %s, \"pytorch\": %s},"
                + " \"train_ratio\": %s, \"infer_ratio\": %s, \"torch_version\": %s}",
            json.writeValueAsString(options.size()),
            options.threads(),
            json.writeValueAsString(options.precision()),
            ovidTrain == null ? "null" : round(ovidTrain.median()),
            pytorchTrain == null ? "null" : round(pytorchTrain.median()),
            round(ovidInfer.median()),
            round(pytorchInfer.median()),
            ovidTrain == null ? "null" : Math.round(trainRatio() * 1000) / 1000.0,
            Math.round(inferRatio() * 1000) / 1000.0,
            json.writeValueAsString(torchVersion));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Object round(double ms) {
      return Math.round(ms * 10) / 10.0;
    }

    public void print(PrintStream out) {
      out.printf(
          "size %s, %d threads, Ovid %s (%s), PyTorch %s (float32)%n",
          options.size(), options.threads(), engine, options.precision(), torchVersion);
      if (ovidTrain != null) {
        out.printf("train step  Ovid    %s%n", ovidTrain.describe());
        out.printf("            PyTorch %s%n", pytorchTrain.describe());
        out.printf("            ratio %.3f%n", trainRatio());
      }
      out.printf("inference   Ovid    %s%n", ovidInfer.describe());
      out.printf("            PyTorch %s%n", pytorchInfer.describe());
      out.printf("            ratio %.3f%n", inferRatio());
      out.printf(
          "losses: Ovid %s%n        PyTorch %s%n        max |difference| %.3e%n",
          ovidLosses, pytorchLosses, maxLossDifference());
      labelsPerSecond.forEach((k, v) -> out.printf("labels/s %-28s %,.1f%n", k, v));
    }

    public double maxLossDifference() {
      double max = 0;
      for (int i = 0; i < Math.min(ovidLosses.size(), pytorchLosses.size()); i++) {
        max = Math.max(max, Math.abs(ovidLosses.get(i) - pytorchLosses.get(i)));
      }
      return max;
    }
  }

  private ModelBenchmark() {}

  public static Result run(Options options, PrintStream progress) {
    Precision precision = Precision.parse(options.precision(), Devices.best());
    Options o =
        new Options(
            options.size(),
            options.threads(),
            precision.label(),
            options.device(),
            options.python(),
            options.workDir(),
            options.warmup(),
            options.steps(),
            options.labels(),
            options.train());
    BenchSize size = BenchSize.named(o.size());
    if (!"cpu".equals(o.device()) && !"cuda".equals(o.device())) {
      throw new IllegalArgumentException("device must be cpu or cuda: " + o.device());
    }
    Path clipDir = o.workDir().resolve("clip-" + size.name() + "-" + SEED);
    Path t5Dir = o.workDir().resolve("t5-" + size.name() + "-" + SEED);
    Path runDir = o.workDir().resolve("run-" + size.name());
    writeOnce(clipDir, dir -> RandomClipCheckpoint.write(dir, size.vision(), size.text(), SEED));
    writeOnce(
        t5Dir,
        dir ->
            RandomT5Checkpoint.write(
                dir, size.t5Width(), size.t5Layers(), size.t5Heads(), size.t5FeedForward(), SEED));
    TrainingConfig config = trainingConfig(size, o.warmup() + o.steps());
    List<String> vocabulary = vocabulary(size, config);
    int[][] positives = positives(size, vocabulary.size());
    List<Double> ovidTrain = new ArrayList<>();
    List<Double> torchTrain = new ArrayList<>();
    List<Double> ovidInfer = new ArrayList<>();
    List<Double> torchInfer = new ArrayList<>();
    List<Float> ovidLosses = new ArrayList<>();
    List<Float> torchLosses = new ArrayList<>();
    Map<String, Double> labelRates = new LinkedHashMap<>();
    String torchVersion;
    progress.printf("loading the %s model (%s, %s)%n", size.name(), o.device(), o.precision());
    try (OvidModel model = model(clipDir, t5Dir, size, config, precision);
        NDManager data = NDManager.newBaseManager(model.manager().getDevice())) {
      NDArray frames = frames(data, size);
      writeInputs(runDir, o, size, config, model, frames, vocabulary, positives, clipDir, t5Dir);
      progress.println("starting the PyTorch side (" + o.python() + ")");
      try (PytorchPeer torch = new PytorchPeer(o.python(), runDir, o.threads())) {
        torchVersion = torch.torchVersion();
        TrainingListener alternate =
            (epoch, step, total, loss, rate) -> {
              ovidLosses.add(loss);
              if (step > o.warmup()) {
                ovidTrain.add(size.videos() / rate * 1000);
              }
              String[] answer = torch.request("train");
              torchLosses.add(Float.parseFloat(answer[1]));
              if (step > o.warmup()) {
                torchTrain.add(Double.parseDouble(answer[0]));
              }
              progress.printf(
                  "train step %d/%d: Ovid %.0f ms (loss %.5f), PyTorch %s ms (loss %s)%n",
                  step, total, size.videos() / rate * 1000, loss, answer[0], answer[1]);
            };
        if (o.train()) {
          new OvidTrainer(model, config).train(dataset(frames, vocabulary, positives), alternate);
        }
        for (int i = 0; i < o.warmup() + o.steps(); i++) {
          double ms;
          try (NDManager scratch = data.newSubManager()) {
            NDArray batch = frames.duplicate();
            batch.attach(scratch);
            long t0 = System.nanoTime();
            model.embedVideos(batch).toFloatArray();
            ms = (System.nanoTime() - t0) / 1e6;
          }
          String torchMs = torch.request("infer")[0];
          if (i >= o.warmup()) {
            ovidInfer.add(ms);
            torchInfer.add(Double.parseDouble(torchMs));
          }
          progress.printf("inference %d: Ovid %.0f ms, PyTorch %s ms%n", i + 1, ms, torchMs);
        }
      }
      if (o.labels()) {
        labelRates.put(
            "learnable LLM prompts",
            labelsPerSecond(o, labels -> model.embedLabels(labels, data), 16, progress));
      }
    }
    if (o.labels()) {
      try (ClipModel clip = ClipModel.load(clipDir, Devices.best(), precision);
          NDManager data = NDManager.newBaseManager(clip.device())) {
        ClassNamePromptEncoder encoder = new ClassNamePromptEncoder(clip);
        labelRates.put(
            "class-name prompts",
            labelsPerSecond(
                o,
                labels -> {
                  try (NDScope scope = new NDScope();
                      dev.ovid.model.core.Autocast.Scope mixed =
                          dev.ovid.model.core.Autocast.enable(precision)) {
                    NDArray out = encoder.encode(labels).duplicate();
                    NDScope.unregister(out);
                    out.attach(data);
                    return out;
                  }
                },
                256,
                progress));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String engine =
        "DJL " + Engine.getDjlVersion() + " / libtorch " + Engine.getInstance().getVersion();
    return new Result(
        o,
        engine,
        torchVersion,
        ovidTrain.isEmpty() ? null : Timings.of(ovidTrain),
        torchTrain.isEmpty() ? null : Timings.of(torchTrain),
        Timings.of(ovidInfer),
        Timings.of(torchInfer),
        ovidLosses,
        torchLosses,
        labelRates);
  }

  /** Median labels/s over {@code steps} batches of {@code batch} fresh labels (after warm-up). */
  private static double labelsPerSecond(
      Options o, Function<List<String>, NDArray> encode, int batch, PrintStream progress) {
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < o.warmup() + o.steps(); i++) {
      List<String> labels = new ArrayList<>();
      for (int j = 0; j < batch; j++) {
        labels.add("class " + i + " number " + j);
      }
      long t0 = System.nanoTime();
      try (NDArray out = encode.apply(labels)) {
        out.toFloatArray();
      }
      double rate = batch / ((System.nanoTime() - t0) / 1e9);
      if (i >= o.warmup()) {
        rates.add(rate);
      }
    }
    double median = Timings.of(rates).median();
    progress.printf("labels: %d per batch, %.1f labels/s (median)%n", batch, median);
    return median;
  }

  /** The benchmark's videos (rows of {@code frames}) with their positive label indices. */
  /** The benchmark's training settings for {@code epochs} steps (one batch of every video each). */
  static TrainingConfig trainingConfig(BenchSize size, int epochs) {
    return TrainingConfig.builder()
        .epochs(epochs)
        .batchSize(size.videos())
        .learningRate(1e-4f)
        .temporalLayers(size.temporalLayers())
        .frames(size.frames())
        .seed(SEED)
        .checkpointEverySteps(0)
        .build();
  }

  /** Exactly as many labels as a batch scores ({@code classesPerVideo} × B). */
  static List<String> vocabulary(BenchSize size, TrainingConfig config) {
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < config.classesPerVideo() * size.videos(); i++) {
      vocabulary.add("label " + i);
    }
    return vocabulary;
  }

  /** Two positives per video: labels v and v + 5. */
  static int[][] positives(BenchSize size, int labels) {
    int[][] positives = new int[size.videos()][];
    for (int v = 0; v < size.videos(); v++) {
      positives[v] = new int[] {v, (v + 5) % labels};
    }
    return positives;
  }

  /** The learnable-LLM-prompt model of {@code size} over the random CLIP and T5 checkpoints. */
  static OvidModel model(
      Path clipDir, Path t5Dir, BenchSize size, TrainingConfig config, Precision precision) {
    return OvidModels.learnableLlmPrompt(
        clipDir,
        t5Dir,
        t5Dir.resolve("tokenizer.json"),
        size.prompts(),
        config.videoEncoderConfig(),
        SEED,
        precision);
  }

  /** B random clips of F frames, pixels N(0.5, 0.25) clipped to [0, 1], the same every run. */
  static NDArray frames(NDManager manager, BenchSize size) {
    int s = size.vision().imageSize();
    return Tensors.normal(
            manager, new Shape(size.videos(), size.frames(), 3, s, s), 0.25, new CounterRandom(99))
        .add(0.5f)
        .clip(0f, 1f);
  }

  static TrainingDataset dataset(NDArray frames, List<String> vocabulary, int[][] positives) {
    return new TrainingDataset() {
      @Override
      public int size() {
        return positives.length;
      }

      @Override
      public List<String> vocabulary() {
        return vocabulary;
      }

      @Override
      public VideoExample get(int index, NDManager manager) {
        NDArray f = frames.get(index).duplicate();
        f.attach(manager);
        return new VideoExample(f, positives[index]);
      }
    };
  }

  private static void writeInputs(
      Path runDir,
      Options o,
      BenchSize size,
      TrainingConfig config,
      OvidModel model,
      NDArray frames,
      List<String> vocabulary,
      int[][] positives,
      Path clipDir,
      Path t5Dir) {
    try {
      Files.createDirectories(runDir);
      Map<String, NDArray> init = new LinkedHashMap<>();
      model
          .trainableParameters()
          .forEach((k, v) -> init.put(k, v.toDevice(ai.djl.Device.cpu(), true)));
      SafetensorsWriter.write(runDir.resolve("trainable_init.safetensors"), init);
      SafetensorsWriter.write(
          runDir.resolve("frames.safetensors"),
          Map.of("frames", frames.toDevice(ai.djl.Device.cpu(), true)));
      ObjectMapper json = new ObjectMapper();
      ObjectNode bench = json.createObjectNode();
      bench.put("size", size.name());
      bench.put("device", o.device());
      bench.set("config", json.valueToTree(config));
      bench.set("prompts", json.valueToTree(size.prompts()));
      bench.put("clip_dir", clipDir.toAbsolutePath().toString());
      bench.put("t5_dir", t5Dir.toAbsolutePath().toString());
      bench.set("vocabulary", json.valueToTree(vocabulary));
      bench.set("positives", json.valueToTree(positives));
      Files.writeString(
          runDir.resolve("bench.json"),
          json.writerWithDefaultPrettyPrinter().writeValueAsString(bench));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark inputs to " + runDir, e);
    }
  }

  private interface FolderWriter {
    void write(Path dir) throws IOException;
  }

  /** Random checkpoints are written once per size and reused (base takes a minute to draw). */
  private static void writeOnce(Path target, FolderWriter writer) {
    if (Files.isRegularFile(target.resolve("model.safetensors"))) {
      return;
    }
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName().toString());
      writer.write(tmp);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
