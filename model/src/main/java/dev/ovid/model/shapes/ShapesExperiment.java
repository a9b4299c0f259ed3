package dev.ovid.model.shapes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.label.GeneratedAttributesEncoder;
import dev.ovid.model.label.LearnableLlmPromptConfig;
import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.model.metrics.MultiLabelMetrics;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingListener;
import dev.ovid.model.training.TrainingResult;
import dev.ovid.model.video.VideoEncoderConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The paper's three claims at CPU scale, on {@link ShapesWorld}: a tiny CLIP is pretrained on
 * frames and captions ({@link ClipPretraining}) and a tiny T5 on the world's words ({@link
 * T5Pretraining}), both are frozen, then six configurations train on the seen labels and are
 * evaluated on fresh videos:
 *
 * <ul>
 *   <li>{@code frame-mean}: class-name prompts, no temporal branch (nothing trains: frozen CLIP
 *       zero-shot);
 *   <li>{@code temporal}: class-name prompts, temporal branch with SWR;
 *   <li>{@code fixed-llm}: the paper's fixed-LLM baseline on the same video side as {@code
 *       temporal}: each label is prompted as "{label}, {the T5's answer}" (the pretrained T5 asked
 *       the learnable template's question, greedy decoding), so what the T5 knows reaches the CLIP
 *       as text;
 *   <li>{@code learnable}: learnable LLM prompts (the pretrained T5), temporal branch, SWR — the
 *       paper's model;
 *   <li>{@code learnable-no-swr}: the same without SWR;
 *   <li>{@code learnable-anchored}: {@code learnable} with token-sized soft prompts and the answer
 *       anchor (not in the paper: KgCoOp's regulariser toward the fixed-LLM prompt).
 * </ul>
 *
 * All train against the same vocabulary ({@link #trainingVocabulary}): the seen entity and motion
 * labels, and the seen entities under five other names of their colour (all but the held-out one).
 *
 * <p>Each gets AUPR on seen entity labels, on held-out entity labels ({@link ShapesSplit}), on
 * motion labels and on every entity asked by a colour name only the T5 knows, over all test videos.
 */
public final class ShapesExperiment {
  public static final List<String> CONFIGS =
      List.of(
          "frame-mean",
          "temporal",
          "fixed-llm",
          "learnable",
          "learnable-no-swr",
          "learnable-anchored");

  /**
   * {@code learnable-anchored}'s soft prompts: a real token's size, held near the fixed-LLM prompt
   * with weight 32 ({@link LearnableLlmPromptConfig#answerAnchorWeight}). Chosen with {@code
   * ShapesMotionDiagnostics} (seed 7, AUPR on held-out colour names, when one other name per entity
   * trained): weight 8, 32, 128 gave 0.22, 0.32, 0.30; sizes 0.5, 1, 2 at weight 32 gave 0.16,
   * 0.32, 0.36. A real token's size rather than 2: its lead over 1 is smaller than the spread
   * between seeds (0.21-0.32 at size 1).
   */
  static final double ANCHORED_SOFT_PROMPT_SCALE = 1.0;

  static final double ANCHOR_WEIGHT = 32;

  /**
   * @param trainRepeats training clips per seen (entity, motion) pair
   * @param testRepeats test clips per (entity, motion) pair, every entity
   * @param trainLimit use only the first this many training clips (0: all)
   * @param temporalLayers T of the temporal configurations
   * @param negativeWeight w, the weight of the negative terms of the loss (the paper's w)
   */
  public record Settings(
      long seed,
      int trainRepeats,
      int testRepeats,
      int trainLimit,
      int frames,
      int imageSize,
      ClipPretraining.Settings pretraining,
      T5Pretraining.Settings language,
      int epochs,
      int batchSize,
      float learningRate,
      int temporalLayers,
      float negativeWeight,
      LearnableLlmPromptConfig prompts) {

    /**
     * The configuration the README's table comes from: a CLIP pretrained on 1,200 batches of plain
     * frames and entity captions and 1,200 of tailed frames and motion words (without the latter
     * its text tower has no meaning for "moving left"), T = 4 as in the paper, 960 training clips,
     * 12 epochs (1,440 steps) and w = 0.1 (with w = 1 the 17 negatives of each clip outweigh its 2
     * positives, and the TMP token learns mostly to lower every score).
     */
    public static Settings standard() {
      return new Settings(
          7,
          16,
          2,
          0,
          8,
          32,
          new ClipPretraining.Settings(1200, 64, 2e-3f, 14f, 7, 1200),
          new T5Pretraining.Settings(600, 32, 3e-3f, 32, 7),
          12,
          8,
          2e-3f,
          4,
          0.1f,
          LearnableLlmPromptConfig.defaults()
              .withPrefixes(2)
              .withAttributes(2)
              .withTemplate("features of a {label} in a video"));
    }

    /** Seconds, not minutes: the shape of the result, not its numbers (tests). */
    public static Settings tiny() {
      return new Settings(
          3,
          1,
          1,
          4,
          2,
          32,
          new ClipPretraining.Settings(2, 8, 1e-3f, 14f, 3),
          new T5Pretraining.Settings(2, 4, 1e-3f, 32, 3),
          1,
          2,
          1e-3f,
          1,
          1f,
          new LearnableLlmPromptConfig(1, 1, 2, "a {label}", 0, 1, 1.0, 0));
    }

    public Settings withSeed(long s) {
      ClipPretraining.Settings p = pretraining;
      T5Pretraining.Settings l = language;
      return withPretraining(
          s,
          new ClipPretraining.Settings(
              p.steps(), p.batch(), p.learningRate(), p.logitScale(), s, p.motionSteps()),
          new T5Pretraining.Settings(l.steps(), l.batch(), l.learningRate(), l.width(), s));
    }

    /**
     * The same with {@code steps} pretraining batches of plain frames and entity captions and
     * {@code motionSteps} of tailed frames and motion words ({@link ClipPretraining.Settings}).
     */
    public Settings withPretrainingSteps(int steps, int motionSteps) {
      ClipPretraining.Settings p = pretraining;
      return withPretraining(
          seed,
          new ClipPretraining.Settings(
              steps, p.batch(), p.learningRate(), p.logitScale(), p.seed(), motionSteps),
          language);
    }

    private Settings withPretraining(long s, ClipPretraining.Settings p, T5Pretraining.Settings l) {
      return new Settings(
          s,
          trainRepeats,
          testRepeats,
          trainLimit,
          frames,
          imageSize,
          p,
          l,
          epochs,
          batchSize,
          learningRate,
          temporalLayers,
          negativeWeight,
          prompts);
    }

    public TinyClipSpec clipSpec() {
      return new TinyClipSpec(32, 4, 4, 64, imageSize, 8, 32, 32);
    }
  }

  /**
   * One configuration's results.
   *
   * @param auprSynonyms AUPR of the entity labels under the held-out other colour name ("scarlet
   *     circle"), which no training label and no CLIP caption uses and only the pretrained T5 knows
   * @param auprSynonymsSeen the same for the seen entity labels alone ("scarlet square" when "red
   *     square" and "crimson square" trained): a new name for a trained concept, where the held-out
   *     colour's entities add a new concept too
   * @param reversalShift mean distance between a test video's unit embedding and that of the same
   *     frames in reverse order ({@link #reversalShift}): 0 for a model blind to frame order
   */
  public record Row(
      String config,
      double auprSeen,
      double auprUnseen,
      double auprMotion,
      double auprSynonyms,
      double auprSynonymsSeen,
      long steps,
      float lastLoss,
      double trainSeconds,
      double reversalShift) {}

  /**
   * @param pretrainSeconds the CLIP's and the T5's pretraining together
   */
  public record Result(
      ShapesSplit split,
      int trainVideos,
      int testVideos,
      ClipPretraining.Report pretraining,
      T5Pretraining.Report language,
      double pretrainSeconds,
      List<Row> rows) {}

  private final Settings settings;
  private final Path workDir;
  private final Consumer<String> log;

  public ShapesExperiment(Settings settings, Path workDir, Consumer<String> log) {
    this.settings = settings;
    this.workDir = workDir;
    this.log = log;
  }

  public ShapesSplit split() {
    return ShapesSplit.of(settings.seed());
  }

  public List<ShapesClip> trainClips() {
    List<ShapesClip> all =
        ShapesWorld.clips(
            split().seenEntities(), settings.trainRepeats(), settings.seed(), 1, "train");
    if (settings.trainLimit() <= 0 || settings.trainLimit() >= all.size()) {
      return all;
    }
    // An even spread over entities and motions rather than the first entity's clips.
    List<ShapesClip> out = new ArrayList<>();
    double stride = all.size() / (double) settings.trainLimit();
    for (int i = 0; i < settings.trainLimit(); i++) {
      out.add(all.get((int) (i * stride)));
    }
    return out;
  }

  public List<ShapesClip> testClips() {
    return ShapesWorld.clips(
        ShapesWorld.entityLabels(), settings.testRepeats(), settings.seed(), 2, "test");
  }

  /** Pretrains the CLIP (into {@code workDir/clip-shapes}), then every configuration in turn. */
  public Result run() {
    long started = System.nanoTime();
    Path clipDir = workDir.resolve("clip-shapes-" + settings.seed());
    log.accept("pretraining the tiny CLIP on frames and captions of the shapes world");
    ClipPretraining.Report report =
        ClipPretraining.pretrain(settings.clipSpec(), settings.pretraining(), clipDir, log);
    double clipSeconds = (System.nanoTime() - started) / 1e9;
    log.accept(
        String.format(
            "  pretrained in %.0f s, frame zero-shot accuracy %.2f (entities), %.2f (motions of"
                + " tailed frames)",
            clipSeconds, report.zeroShotAccuracy(), report.motionZeroShotAccuracy()));
    log.accept("pretraining the tiny T5 on the words of the shapes world, other colour names too");
    Path t5Dir = workDir.resolve("t5-shapes-" + settings.seed());
    T5Pretraining.Report language = T5Pretraining.pretrain(settings.language(), t5Dir, log);
    log.accept(
        String.format(
            "  T5 answers %.2f of its questions right, %.2f of those naming a colour otherwise",
            language.answerAccuracy(), language.synonymAccuracy()));
    double pretrainSeconds = (System.nanoTime() - started) / 1e9;
    List<ShapesClip> train = trainClips();
    List<ShapesClip> test = testClips();
    List<Row> rows = new ArrayList<>();
    for (String config : CONFIGS) {
      log.accept("training " + config);
      rows.add(trainAndEvaluate(config, clipDir, t5Dir, train, test));
      Row r = rows.get(rows.size() - 1);
      log.accept(
          String.format(
              "  %s: %d steps in %.0f s, AUPR seen %.3f unseen %.3f motion %.3f held-out colour"
                  + " names %.3f (seen entities %.3f), reversal shift %.2g",
              config,
              r.steps(),
              r.trainSeconds(),
              r.auprSeen(),
              r.auprUnseen(),
              r.auprMotion(),
              r.auprSynonyms(),
              r.auprSynonymsSeen(),
              r.reversalShift()));
    }
    return new Result(split(), train.size(), test.size(), report, language, pretrainSeconds, rows);
  }

  Row trainAndEvaluate(
      String config, Path clipDir, Path t5Dir, List<ShapesClip> train, List<ShapesClip> test) {
    try (OvidModel model = build(config, settings, clipDir, t5Dir)) {
      long started = System.nanoTime();
      TrainingResult result = train(model, config, settings, train);
      double seconds = (System.nanoTime() - started) / 1e9;
      float last =
          result.losses().isEmpty() ? Float.NaN : result.losses().get(result.losses().size() - 1);
      double[] aupr = evaluate(model, settings, split(), test);
      return new Row(
          config,
          aupr[0],
          aupr[1],
          aupr[2],
          aupr[3],
          aupr[4],
          result.lastStep() - result.firstStep(),
          last,
          seconds,
          reversalShift(model, settings, test));
    }
  }

  /**
   * The model of {@code config} over the pretrained CLIP and T5, both frozen. Besides {@link
   * #CONFIGS}, {@code temporal-no-swr} ({@code temporal} without SWR) serves the diagnostics.
   */
  public static OvidModel build(String config, Settings s, Path clipDir, Path t5Dir) {
    VideoEncoderConfig video = videoConfig(config, s);
    return switch (config) {
      case "frame-mean", "temporal", "temporal-no-swr" ->
          OvidModels.classNamePrompt(clipDir, video, s.seed());
      case "fixed-llm" -> fixedLlm(clipDir, t5Dir, s, video);
      case "learnable", "learnable-no-swr" ->
          OvidModels.learnableLlmPrompt(clipDir, t5Dir, s.prompts(), video, s.seed());
      case "learnable-anchored" ->
          OvidModels.learnableLlmPrompt(
              clipDir,
              t5Dir,
              s.prompts().withAnswerAnchor(ANCHORED_SOFT_PROMPT_SCALE, ANCHOR_WEIGHT),
              video,
              s.seed());
      default -> throw new IllegalArgumentException("unknown configuration " + config);
    };
  }

  /** One attribute per label: the T5's whole answer ("red circle" for "scarlet circle"). */
  private static OvidModel fixedLlm(
      Path clipDir, Path t5Dir, Settings s, VideoEncoderConfig video) {
    // The T5 stays loaded for the model's life: every label asked later gets its answer too.
    NDManager t5Manager = NDManager.newBaseManager();
    try {
      T5Model t5 = T5Model.load(t5Dir, t5Manager);
      SentencePieceTokenizer tokenizer =
          SentencePieceTokenizer.load(t5Dir.resolve("tokenizer.json"));
      return OvidModels.frozenTextEncoder(
          clipDir,
          clip ->
              GeneratedAttributesEncoder.t5Answers(
                  clip, t5, tokenizer, s.prompts().template(), t5Manager),
          video,
          s.seed(),
          Precision.FP32,
          "shapes fixed-LLM attributes",
          t5Manager);
    } catch (RuntimeException e) {
      t5Manager.close();
      throw e;
    }
  }

  static VideoEncoderConfig videoConfig(String config, Settings s) {
    return switch (config) {
      case "frame-mean" -> new VideoEncoderConfig(s.frames(), 0, 0.5f, Float.NaN);
      case "temporal", "fixed-llm", "learnable", "learnable-anchored" ->
          new VideoEncoderConfig(s.frames(), s.temporalLayers(), 0.5f, Float.NaN);
      case "learnable-no-swr", "temporal-no-swr" ->
          new VideoEncoderConfig(s.frames(), s.temporalLayers(), 1f, Float.NaN, false);
      default -> throw new IllegalArgumentException("unknown configuration " + config);
    };
  }

  public static TrainingConfig trainingConfig(String config, Settings s) {
    VideoEncoderConfig video = videoConfig(config, s);
    return TrainingConfig.builder()
        .epochs(s.epochs())
        .batchSize(s.batchSize())
        .learningRate(s.learningRate())
        .weightDecay(0.05f)
        .decayTowardFrozen(true)
        .gradientClipNorm(1f)
        .negativeWeight(s.negativeWeight())
        .swrLambda(video.swrLambda())
        .temporalLayers(video.temporalLayers())
        .frames(s.frames())
        .seed(s.seed())
        .checkpointEverySteps(0)
        .build();
  }

  /**
   * Trains {@code model} on {@code clips} against the seen vocabulary. With nothing trainable (the
   * frame-mean baseline) no step runs: the frozen CLIP is evaluated as it is.
   */
  public static TrainingResult train(
      OvidModel model, String config, Settings s, List<ShapesClip> clips) {
    if (model.trainableParameters().isEmpty()) {
      return new TrainingResult(0, 0, List.of());
    }
    OvidTrainer trainer = new OvidTrainer(model, trainingConfig(config, s));
    ShapesTrainingSet data =
        new ShapesTrainingSet(
            clips, trainingVocabulary(ShapesSplit.of(s.seed())), s.frames(), s.imageSize());
    return trainer.train(data, TrainingListener.NONE);
  }

  /**
   * The labels every configuration trains against: the split's seen entity and motion labels, and
   * the seen entities under every other name of their colour but the held-out one ("crimson
   * square", "ruby square", ...), which only the T5 can read, as a real training vocabulary has
   * names its CLIP reads poorly. The held-out names ("scarlet square", {@link
   * ShapesWorld#HELD_OUT_NAME}) stay out for {@code aupr_synonyms}.
   */
  public static List<String> trainingVocabulary(ShapesSplit split) {
    return trainingVocabulary(split, TRAINED_NAMES);
  }

  /** How many other names of each colour train by default: all but the held-out one. */
  public static final int TRAINED_NAMES = ShapesWorld.COLOUR_SYNONYMS.get(0).size() - 1;

  /** The same with only the first {@code trainedNames} other names of each colour trained. */
  public static List<String> trainingVocabulary(ShapesSplit split, int trainedNames) {
    List<String> out = new ArrayList<>(split.trainingVocabulary());
    IntStream.range(0, ShapesWorld.COLOUR_SYNONYMS.get(0).size())
        .filter(name -> name != ShapesWorld.HELD_OUT_NAME)
        .limit(trainedNames)
        .forEach(name -> out.addAll(ShapesWorld.synonymEntityLabels(split.seenEntities(), name)));
    return List.copyOf(out);
  }

  /**
   * How much the model sees frame order: the mean Euclidean distance between the unit embedding of
   * each clip and that of its frames in reverse order. In this world reversing a clip turns it into
   * a clip of the opposite motion (left ↔ right, up ↔ down) with the same entity, so a model can
   * only rank motion labels by direction if this is well above 0; the frame mean gives exactly 0
   * (up to rounding), as does an untrained temporal branch (its temporal position embeddings and
   * temporal output projections start at zero).
   */
  public static double reversalShift(OvidModel model, Settings s, List<ShapesClip> clips) {
    int frame = 3 * s.imageSize() * s.imageSize();
    double total = 0;
    try (NDManager manager = NDManager.newBaseManager(model.manager().getDevice())) {
      int batch = 32;
      for (int from = 0; from < clips.size(); from += batch) {
        int to = Math.min(clips.size(), from + batch);
        int n = to - from;
        byte[] forward = new byte[n * s.frames() * frame];
        byte[] reversed = new byte[forward.length];
        for (int i = 0; i < n; i++) {
          byte[] one = ShapesWorld.render(clips.get(from + i), s.frames(), s.imageSize());
          System.arraycopy(one, 0, forward, i * one.length, one.length);
          for (int f = 0; f < s.frames(); f++) {
            System.arraycopy(
                one, f * frame, reversed, (i * s.frames() + s.frames() - 1 - f) * frame, frame);
          }
        }
        try (NDManager scratch = manager.newSubManager()) {
          Shape shape = new Shape(n, s.frames(), 3, s.imageSize(), s.imageSize());
          NDArray a =
              model.embedVideos(scratch.create(ByteBuffer.wrap(forward), shape, DataType.UINT8));
          NDArray b =
              model.embedVideos(scratch.create(ByteBuffer.wrap(reversed), shape, DataType.UINT8));
          for (float d : a.sub(b).norm(new int[] {1}).toFloatArray()) {
            total += d;
          }
        }
      }
    }
    return total / clips.size();
  }

  /**
   * AUPR over every test video on each of {@link ShapesEvaluationLabels}' label sets, in its order:
   * seen entities, held-out entities, motions, held-out names, held-out names of seen entities.
   */
  public static double[] evaluate(
      OvidModel model, Settings s, ShapesSplit split, List<ShapesClip> test) {
    try (NDManager manager = NDManager.newBaseManager(model.manager().getDevice())) {
      float[][] videos = new float[test.size()][];
      int batch = 32;
      for (int from = 0; from < test.size(); from += batch) {
        int to = Math.min(test.size(), from + batch);
        byte[] pixels = new byte[(to - from) * s.frames() * 3 * s.imageSize() * s.imageSize()];
        int offset = 0;
        for (int i = from; i < to; i++) {
          byte[] one = ShapesWorld.render(test.get(i), s.frames(), s.imageSize());
          System.arraycopy(one, 0, pixels, offset, one.length);
          offset += one.length;
        }
        try (NDManager scratch = manager.newSubManager()) {
          NDArray frames =
              scratch.create(
                  ByteBuffer.wrap(pixels),
                  new Shape(to - from, s.frames(), 3, s.imageSize(), s.imageSize()),
                  DataType.UINT8);
          NDArray embedded = model.embedVideos(frames);
          int d = (int) embedded.getShape().get(1);
          float[] flat = embedded.toFloatArray();
          for (int i = from; i < to; i++) {
            videos[i] = java.util.Arrays.copyOfRange(flat, (i - from) * d, (i - from + 1) * d);
          }
        }
      }
      return ShapesEvaluationLabels.of(split).inOrder().stream()
          .mapToDouble(labels -> aupr(model, manager, videos, test, labels))
          .toArray();
    }
  }

  private static double aupr(
      OvidModel model,
      NDManager manager,
      float[][] videos,
      List<ShapesClip> test,
      List<String> labels) {
    float[] flat = model.embedLabels(labels, manager).toFloatArray();
    int d = videos[0].length;
    int n = test.size() * labels.size();
    double[] scores = new double[n];
    boolean[] positives = new boolean[n];
    int[] video = new int[n];
    int[] label = new int[n];
    int r = 0;
    for (int v = 0; v < test.size(); v++) {
      List<String> truth = test.get(v).labels();
      for (int l = 0; l < labels.size(); l++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += videos[v][k] * flat[l * d + k];
        }
        scores[r] = dot;
        positives[r] = truth.contains(ShapesWorld.canonical(labels.get(l)));
        video[r] = v;
        label[r] = l;
        r++;
      }
    }
    return MultiLabelMetrics.aupr(
        MultiLabelDecisions.of(
            scores, positives, video, label, test.stream().map(ShapesClip::id).toList(), labels));
  }
}
