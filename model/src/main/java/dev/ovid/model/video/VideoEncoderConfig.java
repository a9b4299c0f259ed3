package dev.ovid.model.video;

/**
 * Shape of the temporal branch.
 *
 * @param frames F, frames per video (8 in the paper)
 * @param temporalLayers T, the branch runs on CLIP's last T layers (4 in the paper); 0 means no
 *     branch: the video embedding is the mean of the frame embeddings (the frozen-CLIP baseline)
 * @param swrLambda λ, stochastic weight regularization draws α ~ U(0, λ) each step (0.5)
 * @param evalAlpha α used outside training; {@code NaN} means λ / 2 (see {@link
 *     StochasticWeightRegularization#evalAlpha})
 * @param swr false: no stochastic weight regularization, the spatial layers always run with their
 *     fine-tuned weights (α = 1; λ and evalAlpha are then ignored)
 */
public record VideoEncoderConfig(
    int frames, int temporalLayers, float swrLambda, float evalAlpha, boolean swr) {
  public static final int DEFAULT_FRAMES = 8;
  public static final int DEFAULT_TEMPORAL_LAYERS = 4;
  public static final float DEFAULT_SWR_LAMBDA = 0.5f;

  public VideoEncoderConfig {
    if (frames < 1) {
      throw new IllegalArgumentException("frames must be >= 1: " + frames);
    }
    if (temporalLayers < 0) {
      throw new IllegalArgumentException("temporalLayers must be >= 0: " + temporalLayers);
    }
    if (!(swrLambda >= 0f && swrLambda <= 1f)) {
      throw new IllegalArgumentException("swrLambda must lie in [0, 1]: " + swrLambda);
    }
    if (!Float.isNaN(evalAlpha) && !(evalAlpha >= 0f && evalAlpha <= 1f)) {
      throw new IllegalArgumentException("evalAlpha must lie in [0, 1] or be NaN: " + evalAlpha);
    }
  }

  /** With stochastic weight regularization on. */
  public VideoEncoderConfig(int frames, int temporalLayers, float swrLambda, float evalAlpha) {
    this(frames, temporalLayers, swrLambda, evalAlpha, true);
  }

  public static VideoEncoderConfig defaults() {
    return new VideoEncoderConfig(
        DEFAULT_FRAMES, DEFAULT_TEMPORAL_LAYERS, DEFAULT_SWR_LAMBDA, Float.NaN);
  }
}
