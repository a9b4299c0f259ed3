package dev.ovid.model.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.GradMode;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.TensorArchiveException;
import dev.ovid.model.core.TensorRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop: batches of B videos scored against 4B classes, the sigmoid multi-label
 * objective, AdamW with warm-up + cosine schedule and global-norm clipping. Every random choice
 * (epoch order, negatives, SWR α) is a function of (seed, step), so a run restored from a
 * checkpoint continues with exactly the losses an uninterrupted run would have.
 *
 * <p>Precision: the model's ({@link OvidModel#precision}). In BF16 the frozen towers run in
 * bfloat16 (see {@link Precision}) and the trainable parts compute their products in bfloat16 from
 * float32 master weights ({@link Autocast}); the loss, gradients, clipping and AdamW's moments stay
 * float32. FP16 does the same in float16 and scales the loss ({@link LossScaler}): backward runs
 * from loss × S, the gradients are divided by S before clipping, and a step whose gradients
 * overflowed is skipped (AdamW's update count does not advance; the step counter, and so the data
 * order and learning-rate schedule, does, as with PyTorch's GradScaler and a per-step scheduler).
 */
public final class OvidTrainer {
  private static final long STREAM_ORDER = 1;
  private static final long STREAM_NEGATIVES = 2;
  private static final long STREAM_ALPHA = 3;
  private static final ai.djl.ndarray.index.NDIndex ALL = new ai.djl.ndarray.index.NDIndex("...");

  private final OvidModel model;
  private final TrainingConfig config;
  private final SigmoidMultiLabelLoss loss;
  private final AdamW optimizer;
  private final Map<String, NDArray> parameters;
  private final LossScaler scaler;
  private long step;

  public OvidTrainer(OvidModel model, TrainingConfig config) {
    this(model, config, model.precision() == Precision.FP16 ? new LossScaler() : null);
  }

  /** With {@code scaler} (null: no loss scaling), whatever the model's precision. */
  OvidTrainer(OvidModel model, TrainingConfig config, LossScaler scaler) {
    if (model.videoEncoder().config().frames() != config.frames()
        || model.videoEncoder().config().temporalLayers() != config.temporalLayers()
        || model.videoEncoder().config().swrLambda() != config.swrLambda()) {
      throw new IllegalArgumentException(
          "model's video encoder "
              + model.videoEncoder().config()
              + " does not match the training configuration (frames, temporalLayers, swrLambda)");
    }
    this.model = model;
    this.config = config;
    this.loss = new SigmoidMultiLabelLoss(config.temperature(), config.negativeWeight());
    this.optimizer =
        new AdamW(
            config.adamBeta1(), config.adamBeta2(), config.adamEpsilon(), config.weightDecay());
    this.parameters = model.trainableParameters();
    this.scaler = scaler;
    parameters.values().forEach(p -> p.setRequiresGradient(true));
    optimizer.initialize(parameters);
    if (config.decayTowardFrozen()) {
      optimizer.setDecayAnchors(model.videoEncoder().decayAnchors());
    }
  }

  public TrainingConfig config() {
    return config;
  }

  /** The loss scaler of an FP16 run. */
  public java.util.Optional<LossScaler> lossScaler() {
    return java.util.Optional.ofNullable(scaler);
  }

  /** Global steps finished so far. */
  public long step() {
    return step;
  }

  public long totalSteps(TrainingDataset data) {
    return (long) config.epochs() * config.stepsPerEpoch(data.size());
  }

  /**
   * Trains from the current step to the end of the last epoch.
   *
   * @throws IllegalStateException when the loss becomes NaN or infinite
   */
  public TrainingResult train(TrainingDataset data, TrainingListener listener) {
    if (data.size() < 1) {
      throw new IllegalArgumentException("the training dataset has no videos");
    }
    GradMode.offOnThisThread();
    List<String> vocabulary = List.copyOf(data.vocabulary());
    LabelBatchSampler sampler = new LabelBatchSampler(vocabulary.size(), config.classesPerVideo());
    int stepsPerEpoch = config.stepsPerEpoch(data.size());
    long total = totalSteps(data);
    LearningRateSchedule schedule =
        new LearningRateSchedule(
            config.learningRate(), config.warmupSteps(), total, config.minLearningRateRatio());
    long first = step;
    List<Float> losses = new ArrayList<>();
    int[] order = null;
    int orderEpoch = -1;
    while (step < total) {
      int epoch = (int) (step / stepsPerEpoch);
      int indexInEpoch = (int) (step % stepsPerEpoch);
      if (epoch != orderEpoch) {
        order = epochOrder(data.size(), epoch);
        orderEpoch = epoch;
        int start = Math.min(order.length, indexInEpoch * config.batchSize());
        data.willRead(java.util.Arrays.copyOfRange(order, start, order.length));
      }
      int from = indexInEpoch * config.batchSize();
      int to = Math.min(from + config.batchSize(), data.size());
      long started = System.nanoTime();
      float value = trainStep(data, vocabulary, sampler, schedule.rate(step), order, from, to);
      double seconds = (System.nanoTime() - started) / 1e9;
      losses.add(value);
      step++;
      if (scaler != null) {
        listener.onLossScale(step, scaler.scale(), scaler.skippedSteps());
      }
      listener.onStep(epoch, step, total, value, (to - from) / seconds);
      boolean due = config.checkpointEverySteps() > 0 && step % config.checkpointEverySteps() == 0;
      if (due || step == total) {
        listener.onCheckpoint(step, checkpoint(data));
      }
    }
    return new TrainingResult(first, step, List.copyOf(losses));
  }

  /** The permutation of video indices used in {@code epoch}. */
  int[] epochOrder(int videos, int epoch) {
    int[] order = new int[videos];
    for (int i = 0; i < videos; i++) {
      order[i] = i;
    }
    new CounterRandom(config.seed(), STREAM_ORDER, epoch).shuffle(order);
    return order;
  }

  private float trainStep(
      TrainingDataset data,
      List<String> vocabulary,
      LabelBatchSampler sampler,
      float learningRate,
      int[] order,
      int from,
      int to) {
    NDManager root = model.manager();
    try (NDScope scope = new NDScope();
        NDManager batch = root.newSubManager()) {
      NDList frames = new NDList();
      int[][] positives = new int[to - from][];
      for (int i = from; i < to; i++) {
        VideoExample example = data.get(order[i], batch);
        frames.add(example.frames());
        positives[i - from] = example.positives().clone();
      }
      LabelBatch labels =
          sampler.sample(positives, new CounterRandom(config.seed(), STREAM_NEGATIVES, step));
      float alpha =
          model
              .videoEncoder()
              .swr()
              .sampleAlpha(new CounterRandom(config.seed(), STREAM_ALPHA, step));
      List<String> names = new ArrayList<>();
      for (int c : labels.classes()) {
        names.add(vocabulary.get(c));
      }
      NDArray targets =
          batch.create(labels.targets(), new Shape(to - from, labels.classes().length));
      NDArray videos = NDArrays.stack(frames).toDevice(root.getDevice(), false);
      float value;
      if (parameters.isEmpty()) {
        // Nothing to train (frozen label encoder, no temporal branch): the loss is still reported.
        try (Autocast.Scope mixed = Autocast.enable(model.precision())) {
          NDArray videoEmbeddings = model.videoEncoder().embed(videos, alpha);
          NDArray labelEmbeddings = model.labelEncoder().encode(names);
          value =
              loss(videoEmbeddings, labelEmbeddings, targets.toDevice(root.getDevice(), false))
                  .getFloat();
        }
        if (!Float.isFinite(value)) {
          throw new IllegalStateException("loss became " + value + " at step " + (step + 1));
        }
        return value;
      }
      // DJL's PyTorch engine records gradients for one collector per process at a time, so
      // trainings sharing a worker interleave their forward/backward passes.
      synchronized (GradientCollector.class) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
            Autocast.Scope mixed = Autocast.enable(model.precision())) {
          NDArray videoEmbeddings = model.videoEncoder().embed(videos, alpha);
          NDArray labelEmbeddings = model.labelEncoder().encode(names);
          NDArray lossValue =
              loss(videoEmbeddings, labelEmbeddings, targets.toDevice(root.getDevice(), false));
          NDArray extra = model.labelEncoder().regularizer(names, labelEmbeddings);
          if (extra != null) {
            lossValue = lossValue.add(extra);
          }
          collector.backward(scaler == null ? lossValue : scaler.scaled(lossValue));
          value = lossValue.getFloat();
        }
      }
      if (!Float.isFinite(value)) {
        throw new IllegalStateException("loss became " + value + " at step " + (step + 1));
      }
      Map<String, NDArray> gradients = new LinkedHashMap<>();
      parameters.forEach((name, p) -> gradients.put(name, p.getGradient()));
      // Unscaled before clipping, so the clipping threshold means what it does in float32.
      boolean finite = scaler == null || scaler.update(scaler.unscale(gradients));
      if (finite) {
        if (config.gradientClipNorm() > 0f) {
          GradientClipping.clipByGlobalNorm(gradients, config.gradientClipNorm());
        }
        optimizer.step(parameters, gradients, learningRate);
        model.logitScale().ifPresent(OvidTrainer::clampLogitScale);
      }
      for (NDArray g : gradients.values()) {
        if (finite) {
          g.subi(g);
        } else {
          // g − g is NaN where g overflowed: overwrite, or every later step would be skipped too.
          g.set(ALL, 0f);
        }
      }
      return value;
    }
  }

  /** The objective with the model's learned τ when it has one, else the configured τ. */
  private NDArray loss(NDArray videoEmbeddings, NDArray labelEmbeddings, NDArray targets) {
    return model
        .logitScale()
        .map(scale -> loss.compute(videoEmbeddings, labelEmbeddings, targets, scale))
        .orElseGet(() -> loss.compute(videoEmbeddings, labelEmbeddings, targets));
  }

  /** CLIP's clamp: log(1/τ) in [0, log 100]. */
  private static void clampLogitScale(NDArray scale) {
    float value = scale.getFloat(0);
    float clamped = Math.max(0f, Math.min(OvidModel.MAX_LOGIT_SCALE, value));
    if (clamped != value) {
      scale.set(new float[] {clamped});
    }
  }

  /** A snapshot that {@link #restore} continues from exactly. */
  public Checkpoint checkpoint(TrainingDataset data) {
    Map<String, TensorRecord> params = new LinkedHashMap<>();
    parameters.forEach((k, v) -> params.put(k, TensorRecord.of(v)));
    Map<String, TensorRecord> m = new LinkedHashMap<>();
    optimizer.firstMoments().forEach((k, v) -> m.put(k, TensorRecord.of(v)));
    Map<String, TensorRecord> v = new LinkedHashMap<>();
    optimizer.secondMoments().forEach((k, x) -> v.put(k, TensorRecord.of(x)));
    return Checkpoint.of(
        config,
        step,
        optimizer.updates(),
        data.size(),
        vocabularySha256(data.vocabulary()),
        params,
        m,
        v,
        scaler);
  }

  /**
   * Continues from {@code checkpoint}: parameters, AdamW state and step. The checkpoint must come
   * from the same configuration (the checkpoint interval may differ) and dataset.
   */
  public void restore(Checkpoint checkpoint, TrainingDataset data) {
    GradMode.offOnThisThread();
    TrainingConfig saved =
        checkpoint.config().toBuilder().checkpointEverySteps(config.checkpointEverySteps()).build();
    if (!saved.equals(config)) {
      throw new TensorArchiveException(
          "checkpoint was made with a different configuration: "
              + checkpoint.config()
              + " vs "
              + config);
    }
    if (checkpoint.datasetSize() != data.size()
        || !checkpoint.vocabularySha256().equals(vocabularySha256(data.vocabulary()))) {
      throw new TensorArchiveException(
          "checkpoint was made for another dataset ("
              + checkpoint.datasetSize()
              + " videos, vocabulary "
              + checkpoint.vocabularySha256()
              + ")");
    }
    model.loadTrainable(checkpoint.parameters(), "checkpoint at step " + checkpoint.step());
    copyMoments(checkpoint.firstMoments(), optimizer.firstMoments(), "adam.m");
    copyMoments(checkpoint.secondMoments(), optimizer.secondMoments(), "adam.v");
    optimizer.setUpdates(checkpoint.adamUpdates());
    if (scaler != null) {
      checkpoint.restoreLossScaler(scaler);
    }
    step = checkpoint.step();
  }

  private static void copyMoments(
      Map<String, TensorRecord> saved, Map<String, NDArray> target, String what) {
    if (!saved.keySet().equals(target.keySet())) {
      throw new TensorArchiveException(
          "checkpoint " + what + " tensors do not match the model's parameters");
    }
    target.forEach((k, v) -> saved.get(k).copyInto(v, what + "/" + k));
  }

  static String vocabularySha256(List<String> vocabulary) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String label : vocabulary) {
        sha.update(label.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
