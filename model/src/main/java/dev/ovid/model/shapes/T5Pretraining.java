package dev.ovid.model.shapes;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.FileTrees;
import dev.ovid.model.core.GradMode;
import dev.ovid.model.core.RandomT5Checkpoint;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Config;
import dev.ovid.model.t5.T5Model;
import dev.ovid.model.weights.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pretrains the tiny T5 on the language of {@link ShapesWorld}, as an LLM is pretrained on text
 * before anyone prompts it: asked about a label in any of a few phrasings, it answers with the
 * label in plain words, so "features of a crimson circle in a video" decodes to "red circle". This
 * is how it comes to know the colour names of {@link ShapesWorld#COLOUR_SYNONYMS}, which no CLIP
 * caption uses: the world's counterpart of what a real LLM knows and CLIP's captions rarely say.
 * All weights train (a seq2seq cross-entropy, teacher forcing); the result is a Hugging Face T5
 * folder that the learnable label encoder loads and freezes like a downloaded Flan-T5.
 */
public final class T5Pretraining {
  /** Phrasings of the question; "features of a {label} in a video" is also the experiment's. */
  public static final List<String> QUESTIONS =
      List.of(
          "{label}",
          "a {label}",
          "a {label} in a video",
          "features of a {label} in a video",
          "what is a {label}?");

  private static final long STREAM_BATCH = 0x54355054L;

  /**
   * @param steps optimizer steps
   * @param batch questions per step
   * @param learningRate peak AdamW rate (warm-up of a tenth of the steps, cosine decay)
   * @param width d_model of the T5 (2 layers, 4 heads, feed-forward 2 × width)
   */
  public record Settings(int steps, int batch, float learningRate, int width, long seed) {
    public Settings {
      if (steps < 1 || batch < 1 || width < 4 || width % 4 != 0) {
        throw new IllegalArgumentException(
            "T5 pretraining needs steps >= 1, batch >= 1 and a width divisible by its 4 heads: "
                + steps
                + ", "
                + batch
                + ", "
                + width);
      }
    }
  }

  /**
   * What pretraining achieved: the share of questions (every label, every colour name, every
   * phrasing) whose greedy answer is exactly the plain label, and the same for the questions that
   * use another name of the colour alone.
   */
  public record Report(
      int steps, float firstLoss, float lastLoss, double answerAccuracy, double synonymAccuracy) {}

  /** One question and the answer it should get. */
  record Example(String question, String answer) {}

  private T5Pretraining() {}

  /** Pretrains a T5 (random start from {@code settings.seed}) and writes it to {@code target}. */
  public static Report pretrain(Settings settings, Path target, Consumer<String> log) {
    try {
      Path random = Files.createTempDirectory("ovid-t5-random");
      try {
        RandomT5Checkpoint.write(
            random, settings.width(), 2, 4, 2 * settings.width(), settings.seed());
        return pretrainFrom(random, settings, target, log);
      } finally {
        FileTrees.delete(random);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pretrain T5 into " + target, e);
    }
  }

  private static Report pretrainFrom(Path random, Settings s, Path target, Consumer<String> log)
      throws IOException {
    GradMode.offOnThisThread();
    SentencePieceTokenizer tokenizer =
        SentencePieceTokenizer.load(random.resolve("tokenizer.json"));
    T5Config config = T5Config.read(random.resolve("config.json"));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      Weights w = Weights.load(random, manager);
      Map<String, NDArray> params = new LinkedHashMap<>(w.asMap());
      T5Model t5 = new T5Model(config, w::get);
      Pretraining.Losses losses =
          Pretraining.run(
              params,
              s.learningRate(),
              s.steps(),
              100,
              "T5 pretraining",
              step ->
                  step(
                      t5,
                      tokenizer,
                      batch(new CounterRandom(s.seed(), STREAM_BATCH, step), s.batch()),
                      manager),
              log);
      double[] accuracy;
      try (NDScope scope = new NDScope()) {
        accuracy = answerAccuracy(t5, tokenizer, manager);
      }
      Pretraining.writeFolder(random, List.of("config.json", "tokenizer.json"), w, target);
      return new Report(s.steps(), losses.first(), losses.last(), accuracy[0], accuracy[1]);
    }
  }

  /**
   * {@code size} random questions: a quarter about a motion ("moving left"), the rest about an
   * entity under its plain colour name or either other name, each in a random phrasing.
   */
  static List<Example> batch(CounterRandom random, int size) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String label;
      String answer;
      if (random.nextInt(4) == 0) {
        answer = ShapesWorld.actionLabel(ShapesWorld.MOTIONS.get(random.nextInt(4)));
        label = answer;
      } else {
        int c = random.nextInt(ShapesWorld.COLOURS.size());
        String shape = ShapesWorld.SHAPES.get(random.nextInt(ShapesWorld.SHAPES.size()));
        int name = random.nextInt(1 + ShapesWorld.COLOUR_SYNONYMS.get(c).size());
        String colour =
            name == 0
                ? ShapesWorld.COLOURS.get(c)
                : ShapesWorld.COLOUR_SYNONYMS.get(c).get(name - 1);
        label = ShapesWorld.entityLabel(colour, shape);
        answer = ShapesWorld.entityLabel(ShapesWorld.COLOURS.get(c), shape);
      }
      String question = QUESTIONS.get(random.nextInt(QUESTIONS.size())).replace("{label}", label);
      out.add(new Example(question, answer));
    }
    return out;
  }

  /** Mean cross-entropy of the answers' tokens (EOS included), teacher-forced; backpropagated. */
  private static float step(
      T5Model t5, SentencePieceTokenizer tokenizer, List<Example> batch, NDManager manager) {
    NDArray[] question =
        tokenizer.encodeBatch(batch.stream().map(Example::question).toList(), manager);
    NDArray[] answer = tokenizer.encodeBatch(batch.stream().map(Example::answer).toList(), manager);
    NDArray targets = answer[0];
    NDArray mask = answer[1].toType(DataType.FLOAT32, false);
    long start = t5.config().decoderStartTokenId();
    NDArray decoderInput =
        manager
            .full(new ai.djl.ndarray.types.Shape(batch.size(), 1), start, DataType.INT64)
            .concat(targets.get(":, :-1"), 1);
    synchronized (GradientCollector.class) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray encoded = t5.encode(t5.embed(question[0]), question[1]);
        NDArray logProb = t5.logits(t5.decode(decoderInput, encoded, question[1])).logSoftmax(-1);
        int vocab = (int) logProb.getShape().get(2);
        NDArray picked = logProb.mul(targets.oneHot(vocab)).sum(new int[] {2});
        NDArray loss = Tensors.div(picked.mul(mask).sum().neg(), mask.sum().getFloat());
        collector.backward(loss);
        return loss.getFloat();
      }
    }
  }

  /**
   * Greedy answers to every question (every label under every colour name, every phrasing): the
   * share exactly right, overall and among questions naming a colour by another name.
   */
  static double[] answerAccuracy(T5Model t5, SentencePieceTokenizer tokenizer, NDManager manager) {
    List<String> labels = new ArrayList<>(ShapesWorld.entityLabels());
    for (int name = 0; name < ShapesWorld.COLOUR_SYNONYMS.get(0).size(); name++) {
      labels.addAll(ShapesWorld.synonymEntityLabels(ShapesWorld.entityLabels(), name));
    }
    labels.addAll(ShapesWorld.actionLabels());
    List<Example> all = new ArrayList<>();
    for (String label : labels) {
      for (String q : QUESTIONS) {
        all.add(new Example(q.replace("{label}", label), ShapesWorld.canonical(label)));
      }
    }
    NDArray[] question =
        tokenizer.encodeBatch(all.stream().map(Example::question).toList(), manager);
    int longest = all.stream().mapToInt(e -> tokenizer.encode(e.answer()).length).max().orElse(1);
    NDArray encoded = t5.encode(t5.embed(question[0]), question[1]);
    long[] greedy = t5.greedyTokens(encoded, question[1], longest).toLongArray();
    int right = 0;
    int synonymRight = 0;
    int synonyms = 0;
    for (int i = 0; i < all.size(); i++) {
      int[] want = tokenizer.encode(all.get(i).answer());
      boolean ok = true;
      for (int j = 0; j < want.length; j++) {
        ok &= greedy[i * (longest + 1) + 1 + j] == want[j];
      }
      boolean synonym = !all.get(i).question().contains(all.get(i).answer());
      right += ok ? 1 : 0;
      synonyms += synonym ? 1 : 0;
      synonymRight += synonym && ok ? 1 : 0;
    }
    return new double[] {right / (double) all.size(), synonymRight / (double) synonyms};
  }
}
