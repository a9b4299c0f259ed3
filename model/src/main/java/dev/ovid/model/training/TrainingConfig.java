package dev.ovid.model.training;

import dev.ovid.model.video.VideoEncoderConfig;

/**
 * Every training hyperparameter, with documented defaults ({@link #defaults()}).
 *
 * @param epochs passes over the training videos (default 10)
 * @param batchSize B, videos per step (default 8); the last batch of an epoch may be smaller
 * @param learningRate peak AdamW rate (default 1e-4)
 * @param weightDecay decoupled AdamW decay on weight matrices (default 0.05)
 * @param warmupSteps linear warm-up steps before the cosine decay (default 0)
 * @param minLearningRateRatio the cosine ends at learningRate × this (default 0.0)
 * @param gradientClipNorm clip gradients to this global L2 norm; 0 disables (default 1.0)
 * @param temperature τ in p = σ(s / τ) (default 0.07, CLIP's initial temperature)
 * @param negativeWeight w, the weight of the negative terms (default 1.0)
 * @param classesPerVideo k in |P_B ∪ N_B| = k·B (default 4, the paper's)
 * @param swrLambda λ of stochastic weight regularization, α ~ U(0, λ) (default 0.5)
 * @param temporalLayers T, CLIP layers the temporal branch runs on; 0: mean of frame embeddings
 *     (default 4)
 * @param frames F, frames per video (default 8)
 * @param seed seeds initialisation, shuffling, negative sampling and α (default 0)
 * @param checkpointEverySteps offer a checkpoint every this many steps; 0 only at the end (default
 *     100)
 * @param adamBeta1 AdamW β1 (default 0.9)
 * @param adamBeta2 AdamW β2 (default 0.999)
 * @param adamEpsilon AdamW ε (default 1e-8)
 * @param decayTowardFrozen weight decay pulls the branch's copied CLIP layers toward their frozen
 *     values rather than toward zero (default false)
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    float learningRate,
    float weightDecay,
    int warmupSteps,
    float minLearningRateRatio,
    float gradientClipNorm,
    float temperature,
    float negativeWeight,
    int classesPerVideo,
    float swrLambda,
    int temporalLayers,
    int frames,
    long seed,
    int checkpointEverySteps,
    float adamBeta1,
    float adamBeta2,
    float adamEpsilon,
    boolean decayTowardFrozen) {

  public TrainingConfig {
    positive("epochs", epochs);
    positive("batchSize", batchSize);
    positive("classesPerVideo", classesPerVideo);
    if (temporalLayers < 0) {
      throw new IllegalArgumentException("temporalLayers must be >= 0: " + temporalLayers);
    }
    positive("frames", frames);
    if (!(learningRate > 0f)) {
      throw new IllegalArgumentException("learningRate must be > 0: " + learningRate);
    }
    if (!(weightDecay >= 0f)) {
      throw new IllegalArgumentException("weightDecay must be >= 0: " + weightDecay);
    }
    if (warmupSteps < 0 || checkpointEverySteps < 0) {
      throw new IllegalArgumentException("warmupSteps and checkpointEverySteps must be >= 0");
    }
    if (!(minLearningRateRatio >= 0f && minLearningRateRatio <= 1f)) {
      throw new IllegalArgumentException("minLearningRateRatio must lie in [0, 1]");
    }
    if (!(gradientClipNorm >= 0f)) {
      throw new IllegalArgumentException("gradientClipNorm must be >= 0: " + gradientClipNorm);
    }
    if (!(temperature > 0f) || !(negativeWeight > 0f)) {
      throw new IllegalArgumentException("temperature and negativeWeight must be > 0");
    }
    if (!(swrLambda >= 0f && swrLambda <= 1f)) {
      throw new IllegalArgumentException("swrLambda must lie in [0, 1]: " + swrLambda);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1: " + value);
    }
  }

  public static TrainingConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(learningRate)
        .weightDecay(weightDecay)
        .warmupSteps(warmupSteps)
        .minLearningRateRatio(minLearningRateRatio)
        .gradientClipNorm(gradientClipNorm)
        .temperature(temperature)
        .negativeWeight(negativeWeight)
        .classesPerVideo(classesPerVideo)
        .swrLambda(swrLambda)
        .temporalLayers(temporalLayers)
        .frames(frames)
        .seed(seed)
        .checkpointEverySteps(checkpointEverySteps)
        .adamBeta1(adamBeta1)
        .adamBeta2(adamBeta2)
        .adamEpsilon(adamEpsilon)
        .decayTowardFrozen(decayTowardFrozen);
  }

  /** The video encoder shape these hyperparameters ask for (evaluation α = λ / 2). */
  public VideoEncoderConfig videoEncoderConfig() {
    return new VideoEncoderConfig(frames, temporalLayers, swrLambda, Float.NaN);
  }

  /** Steps per epoch for a dataset of {@code videos} (last batch may be partial). */
  public int stepsPerEpoch(int videos) {
    return (videos + batchSize - 1) / batchSize;
  }

  /** Fluent construction starting from the documented defaults. */
  public static final class Builder {
    private int epochs = 10;
    private int batchSize = 8;
    private float learningRate = 1e-4f;
    private float weightDecay = 0.05f;
    private int warmupSteps = 0;
    private float minLearningRateRatio = 0f;
    private float gradientClipNorm = 1f;
    private float temperature = 0.07f;
    private float negativeWeight = 1f;
    private int classesPerVideo = 4;
    private float swrLambda = VideoEncoderConfig.DEFAULT_SWR_LAMBDA;
    private int temporalLayers = VideoEncoderConfig.DEFAULT_TEMPORAL_LAYERS;
    private int frames = VideoEncoderConfig.DEFAULT_FRAMES;
    private long seed = 0L;
    private int checkpointEverySteps = 100;
    private float adamBeta1 = 0.9f;
    private float adamBeta2 = 0.999f;
    private float adamEpsilon = 1e-8f;
    private boolean decayTowardFrozen = false;

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder learningRate(float v) {
      learningRate = v;
      return this;
    }

    public Builder weightDecay(float v) {
      weightDecay = v;
      return this;
    }

    public Builder warmupSteps(int v) {
      warmupSteps = v;
      return this;
    }

    public Builder minLearningRateRatio(float v) {
      minLearningRateRatio = v;
      return this;
    }

    public Builder gradientClipNorm(float v) {
      gradientClipNorm = v;
      return this;
    }

    public Builder temperature(float v) {
      temperature = v;
      return this;
    }

    public Builder negativeWeight(float v) {
      negativeWeight = v;
      return this;
    }

    public Builder classesPerVideo(int v) {
      classesPerVideo = v;
      return this;
    }

    public Builder swrLambda(float v) {
      swrLambda = v;
      return this;
    }

    public Builder temporalLayers(int v) {
      temporalLayers = v;
      return this;
    }

    public Builder frames(int v) {
      frames = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder checkpointEverySteps(int v) {
      checkpointEverySteps = v;
      return this;
    }

    public Builder adamBeta1(float v) {
      adamBeta1 = v;
      return this;
    }

    public Builder adamBeta2(float v) {
      adamBeta2 = v;
      return this;
    }

    public Builder adamEpsilon(float v) {
      adamEpsilon = v;
      return this;
    }

    public Builder decayTowardFrozen(boolean v) {
      decayTowardFrozen = v;
      return this;
    }

    public TrainingConfig build() {
      return new TrainingConfig(
          epochs,
          batchSize,
          learningRate,
          weightDecay,
          warmupSteps,
          minLearningRateRatio,
          gradientClipNorm,
          temperature,
          negativeWeight,
          classesPerVideo,
          swrLambda,
          temporalLayers,
          frames,
          seed,
          checkpointEverySteps,
          adamBeta1,
          adamBeta2,
          adamEpsilon,
          decayTowardFrozen);
    }
  }
}
