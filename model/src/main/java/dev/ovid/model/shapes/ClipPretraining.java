package dev.ovid.model.shapes;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ovid.model.clip.ClipConfig;
import dev.ovid.model.clip.ClipTextEncoder;
import dev.ovid.model.clip.ClipVisionEncoder;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.FileTrees;
import dev.ovid.model.core.GradMode;
import dev.ovid.model.core.RandomClipCheckpoint;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.tokenizer.ClipTokenizer;
import dev.ovid.model.weights.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Contrastive pretraining of a tiny CLIP on single frames of {@link ShapesWorld} and captions of
 * what they show ("a photo of a red circle."), as CLIP was pretrained on images and their text:
 * both towers train, image-to-caption and caption-to-image softmax over the batch, with every
 * caption true of the image counted as a positive. Frames come from the whole world (every colour
 * and shape, held-out combinations included, as web images include everything). A single plain
 * frame shows no direction and no caption names one, so the text tower never learns what direction
 * words mean; {@link Settings#motionSteps} batches (none in the demo backbone's recipe) show the
 * shape with a comet tail ({@link ShapesWorld#renderTrail}), like a photo of something moving fast,
 * captioned with its motion ("a video of moving left."), as web images of moving things carry
 * motion words. The video clips the experiment trains and evaluates on stay plain (no tail). The
 * result is a Hugging Face CLIP folder that {@link dev.ovid.model.core.OvidModels} loads and
 * freezes like a downloaded checkpoint.
 */
public final class ClipPretraining {
  /** Caption templates; "a video of {label}." is also the class-name prompt's. */
  public static final List<String> CAPTIONS =
      List.of("{label}", "a {label}", "a photo of a {label}.", "a video of {label}.");

  // CLIP's pixel normalisation, as ClipModel uses for a folder without preprocessor_config.json.
  private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};
  private static final long STREAM_BATCH = 0x50524554L;
  // Comet tail of the pretraining images: copies behind the head, their spacing in clip time.
  static final int TRAIL_COPIES = 3;
  static final double TRAIL_SPACING = 0.25;

  /**
   * @param steps optimizer steps on plain frames and entity captions
   * @param batch frames per step
   * @param learningRate peak AdamW rate (warm-up of a tenth of all steps, cosine decay)
   * @param logitScale fixed inverse temperature of the softmax
   * @param motionSteps further steps on tailed frames captioned with their motion, spread evenly
   *     among the entity steps (0: none, the recipe of the demo backbone). Separate counts, so that
   *     teaching the text tower direction words does not also train the entities longer.
   */
  public record Settings(
      int steps, int batch, float learningRate, float logitScale, long seed, int motionSteps) {
    public Settings {
      if (steps < 0 || motionSteps < 0 || steps + motionSteps < 1) {
        throw new IllegalArgumentException(
            "pretraining needs steps >= 0, motionSteps >= 0 and at least one step: "
                + steps
                + ", "
                + motionSteps);
      }
    }

    public Settings(int steps, int batch, float learningRate, float logitScale, long seed) {
      this(steps, batch, learningRate, logitScale, seed, 0);
    }

    public boolean motionTails() {
      return motionSteps > 0;
    }

    public int totalSteps() {
      return steps + motionSteps;
    }

    /** Whether step {@code step} (of {@link #totalSteps}) is a motion batch. */
    boolean isMotionStep(int step) {
      long total = totalSteps();
      return (step + 1L) * motionSteps / total > step * (long) motionSteps / total;
    }
  }

  /**
   * What pretraining achieved: frame → entity zero-shot accuracy on fresh plain frames, and tailed
   * frame → motion ("a video of moving left.") zero-shot accuracy on fresh tailed frames (chance
   * 0.25; NaN without {@link Settings#motionTails}).
   */
  public record Report(
      int steps,
      float firstLoss,
      float lastLoss,
      double zeroShotAccuracy,
      double motionZeroShotAccuracy) {}

  private ClipPretraining() {}

  /**
   * Pretrains a CLIP of shape {@code spec} (random start from {@code settings.seed}) and writes it
   * to {@code target} (config, weights, tokenizer).
   */
  public static Report pretrain(
      TinyClipSpec spec, Settings settings, Path target, Consumer<String> log) {
    try {
      Path random = Files.createTempDirectory("ovid-clip-random");
      try {
        RandomClipCheckpoint.write(random, spec, settings.seed());
        return pretrainFrom(random, spec, settings, target, log);
      } finally {
        FileTrees.delete(random);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pretrain CLIP into " + target, e);
    }
  }

  private static Report pretrainFrom(
      Path random, TinyClipSpec spec, Settings s, Path target, Consumer<String> log)
      throws IOException {
    GradMode.offOnThisThread();
    ClipConfig config = ClipConfig.load(random);
    ClipTokenizer tokenizer =
        ClipTokenizer.load(random).withContextLength(config.text().maxPositionEmbeddings());
    List<String> entities = ShapesWorld.entityLabels();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      Weights w = Weights.load(random, manager);
      ClipTextEncoder text = new ClipTextEncoder(w, config.text(), config.projectionDim());
      ClipVisionEncoder vision = new ClipVisionEncoder(w, config.vision(), config.projectionDim());
      Map<String, NDArray> params = new LinkedHashMap<>(w.asMap());
      params.remove("logit_scale");
      Pretraining.Losses losses =
          Pretraining.run(
              params,
              s.learningRate(),
              s.totalSteps(),
              25,
              "pretraining",
              step -> step(text, vision, tokenizer, entities, spec.imageSize(), s, step, manager),
              log);
      double accuracy;
      double motionAccuracy;
      try (NDScope scope = new NDScope()) {
        accuracy =
            zeroShotAccuracy(
                text, vision, tokenizer, entities, spec.imageSize(), s, manager, false);
        motionAccuracy =
            s.motionTails()
                ? zeroShotAccuracy(
                    text, vision, tokenizer, entities, spec.imageSize(), s, manager, true)
                : Double.NaN;
      }
      Pretraining.writeFolder(
          random, List.of("config.json", "vocab.json", "merges.txt"), w, target);
      return new Report(s.totalSteps(), losses.first(), losses.last(), accuracy, motionAccuracy);
    }
  }

  private static float step(
      ClipTextEncoder text,
      ClipVisionEncoder vision,
      ClipTokenizer tokenizer,
      List<String> entities,
      int size,
      Settings s,
      int step,
      NDManager manager) {
    CounterRandom random = new CounterRandom(s.seed(), STREAM_BATCH, step);
    // Motion batches are of tailed frames and their motions, with each clip's twin moving the
    // opposite way as its hard negative; a shared batch lets the entity captions drown the motion.
    boolean tailed = s.isMotionStep(step);
    List<ShapesClip> clips = new ArrayList<>();
    if (tailed) {
      for (ShapesClip clip : randomClips(entities, s.batch() / 2, random, s.seed() ^ step)) {
        clips.add(clip);
        clips.add(twin(clip));
      }
    } else {
      clips = randomClips(entities, s.batch(), random, s.seed() ^ step);
    }
    byte[] pixels = new byte[s.batch() * 3 * size * size];
    List<String> captions = new ArrayList<>();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      Example example = example(clips.get(i), tailed, random, size);
      System.arraycopy(example.pixels(), 0, pixels, i * example.pixels().length, 3 * size * size);
      captions.add(example.caption());
      examples.add(example);
    }
    float[] targets = new float[clips.size() * captions.size()];
    for (int i = 0; i < clips.size(); i++) {
      for (int j = 0; j < captions.size(); j++) {
        targets[i * captions.size() + j] = examples.get(j).describes(examples.get(i)) ? 1f : 0f;
      }
    }
    NDArray images = normalize(pixels, s.batch(), size, manager);
    NDArray ids = manager.create(tokenizer.encodeBatch(captions));
    NDArray target = manager.create(targets, new Shape(clips.size(), captions.size()));
    synchronized (GradientCollector.class) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray img = Tensors.normalizeRows(vision.encodeImages(images));
        NDArray txt = Tensors.normalizeRows(text.encodeTokens(ids));
        NDArray logits = Tensors.mul(img.matMul(txt.transpose()), s.logitScale());
        NDArray imageToText = softTargetLoss(logits, target);
        NDArray textToImage = softTargetLoss(logits.transpose(), target.transpose());
        NDArray loss = Tensors.mul(imageToText.add(textToImage), 0.5f);
        collector.backward(loss);
        return loss.getFloat();
      }
    }
  }

  /**
   * One pretraining image and its caption. {@code entity} and {@code motion} are what the caption
   * names (null: not named), {@code shownEntity} and {@code shownMotion} what the image shows (the
   * motion only when it has a tail).
   */
  record Example(
      byte[] pixels,
      String caption,
      String entity,
      String motion,
      String shownEntity,
      String shownMotion) {
    /** Whether this example's caption is true of {@code image}'s picture. */
    boolean describes(Example image) {
      return ClipPretraining.describes(this, image);
    }
  }

  // Here rather than in Example: the backbone cache keys on this class's bytecode, not its
  // records'.
  private static boolean describes(Example caption, Example image) {
    return (caption.entity() == null || caption.entity().equals(image.shownEntity()))
        && (caption.motion() == null || caption.motion().equals(image.shownMotion()));
  }

  /**
   * A plain frame captioned with its entity ("a photo of a red circle."), or a tailed frame
   * captioned with its motion ("a video of moving left.").
   */
  static Example example(ShapesClip clip, boolean tailed, CounterRandom random, int size) {
    String motion = ShapesWorld.actionLabel(clip.motion());
    String label = tailed ? motion : clip.entityLabel();
    byte[] pixels =
        tailed
            // The head late enough in the path that the tail stays mostly in the frame.
            ? ShapesWorld.renderTrail(
                clip, 0.4 + 0.6 * random.nextDouble(), TRAIL_COPIES, TRAIL_SPACING, size)
            : ShapesWorld.renderFrame(clip, random.nextDouble(), size);
    String caption = CAPTIONS.get(random.nextInt(CAPTIONS.size())).replace("{label}", label);
    if (random.nextInt(4) == 0) {
      caption = noise(random) + " " + label;
    }
    return new Example(
        pixels,
        caption,
        tailed ? null : clip.entityLabel(),
        tailed ? motion : null,
        clip.entityLabel(),
        tailed ? motion : null);
  }

  /** {@code clip} moving the opposite way (left ↔ right, up ↔ down). */
  private static ShapesClip twin(ShapesClip clip) {
    int m = ShapesWorld.MOTIONS.indexOf(clip.motion());
    return new ShapesClip(
        clip.id(),
        clip.colour(),
        clip.shape(),
        ShapesWorld.MOTIONS.get(m ^ 1),
        clip.size(),
        clip.across(),
        clip.start(),
        clip.travel(),
        clip.background(),
        clip.noiseSeed() + 1);
  }

  /**
   * A few random letters: captions on the web come with any context before the name, and the
   * learnable label encoder puts a soft prompt there, so the text tower learns to read the name
   * whatever precedes it.
   */
  private static String noise(CounterRandom random) {
    char[] letters = new char[2 + random.nextInt(4)];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }

  /** Cross-entropy against targets spread evenly over each row's positives. */
  private static NDArray softTargetLoss(NDArray logits, NDArray positives) {
    NDArray weights = positives.div(positives.sum(new int[] {1}, true));
    NDArray logProb = logits.logSoftmax(1);
    return Tensors.div(weights.mul(logProb).sum().neg(), logits.getShape().get(0));
  }

  /**
   * Zero-shot accuracy on 192 fresh frames: plain frames against the entity prompts, or ({@code
   * motion}) tailed frames against the motion prompts.
   */
  private static double zeroShotAccuracy(
      ClipTextEncoder text,
      ClipVisionEncoder vision,
      ClipTokenizer tokenizer,
      List<String> entities,
      int size,
      Settings s,
      NDManager manager,
      boolean motion) {
    CounterRandom random = new CounterRandom(s.seed(), STREAM_BATCH, motion ? -2 : -1);
    int n = 192;
    List<ShapesClip> clips = randomClips(entities, n, random, ~s.seed());
    byte[] pixels = new byte[n * 3 * size * size];
    for (int i = 0; i < n; i++) {
      byte[] frame =
          motion
              ? ShapesWorld.renderTrail(
                  clips.get(i), 0.4 + 0.6 * random.nextDouble(), TRAIL_COPIES, TRAIL_SPACING, size)
              : ShapesWorld.renderFrame(clips.get(i), random.nextDouble(), size);
      System.arraycopy(frame, 0, pixels, i * frame.length, frame.length);
    }
    List<String> labels = motion ? ShapesWorld.actionLabels() : entities;
    List<String> prompts =
        labels.stream().map(e -> "a video of {label}.".replace("{label}", e)).toList();
    NDArray img = Tensors.normalizeRows(vision.encodeImages(normalize(pixels, n, size, manager)));
    NDArray txt =
        Tensors.normalizeRows(text.encodeTokens(manager.create(tokenizer.encodeBatch(prompts))));
    long[] best = img.matMul(txt.transpose()).argMax(1).toLongArray();
    int right = 0;
    for (int i = 0; i < n; i++) {
      ShapesClip clip = clips.get(i);
      String truth = motion ? ShapesWorld.actionLabel(clip.motion()) : clip.entityLabel();
      if (labels.get((int) best[i]).equals(truth)) {
        right++;
      }
    }
    return right / (double) n;
  }

  private static List<ShapesClip> randomClips(
      List<String> entities, int count, CounterRandom random, long salt) {
    List<ShapesClip> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String entity = entities.get(random.nextInt(entities.size()));
      out.add(
          new ShapesClip(
              "pretrain",
              ShapesWorld.colourOf(entity),
              ShapesWorld.shapeOf(entity),
              ShapesWorld.MOTIONS.get(random.nextInt(ShapesWorld.MOTIONS.size())),
              0.30 + 0.08 * random.nextDouble(),
              random.nextDouble(),
              random.nextDouble(),
              0.30 + 0.15 * random.nextDouble(),
              16 + random.nextInt(24),
              random.nextLong() ^ salt));
    }
    return out;
  }

  /** uint8 [n, 3, H, W] → CLIP-normalised float pixels. */
  static NDArray normalize(byte[] pixels, int n, int size, NDManager manager) {
    NDArray x =
        manager
            .create(ByteBuffer.wrap(pixels), new Shape(n, 3, size, size), DataType.UINT8)
            .toType(DataType.FLOAT32, false)
            .div(255f);
    NDArray mean = manager.create(MEAN).reshape(1, 3, 1, 1);
    NDArray std = manager.create(STD).reshape(1, 3, 1, 1);
    return x.sub(mean).div(std);
  }
}
