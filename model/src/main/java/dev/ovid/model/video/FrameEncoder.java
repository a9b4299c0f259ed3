package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The frozen per-frame image encoder under the video encoder (CLIP's vision transformer). The
 * temporal branch needs more than image embeddings: every layer's tokens, each layer's weights (to
 * initialise its spatial layers) and the final norm + projection (to map its TMP token into the
 * joint space).
 */
public interface FrameEncoder {
  /** Transformer width W. */
  int hiddenSize();

  /** Attention heads per layer. */
  int numHeads();

  /** Number of encoder layers L. */
  int numLayers();

  /** Patch tokens per frame P (without the CLS token). */
  int numPatches();

  /** Joint embedding width D. */
  int embedDim();

  /** Input resolution (square frames). */
  int imageSize();

  float layerNormEps();

  /** Per-channel mean and std that raw [0, 1] pixels are normalised with. */
  float[] pixelMean();

  float[] pixelStd();

  /**
   * Encodes normalised frames [N, 3, H, W]: the L + 1 hidden states [N, 1 + P, W] (HF order) and
   * the projected (not normalised) CLS embeddings [N, D].
   */
  FrameFeatures encode(NDArray pixels);

  /**
   * Weights of encoder layer {@code layer}, keyed by HF names relative to the layer ({@code
   * self_attn.q_proj.weight}, ...).
   */
  Map<String, NDArray> layerWeights(int layer);

  /**
   * Runs encoder layer {@code layer}'s computation on tokens [N, S, W] with the caller's weights
   * (same keys as {@link #layerWeights}): the temporal branch's spatial layers are CLIP layers with
   * blended weights.
   */
  NDArray encoderLayer(int layer, NDArray tokens, Map<String, NDArray> weights);

  /** Every tensor the encoder reads, by stable name; all frozen. */
  Map<String, NDArray> weights();

  /** Final layer norm and visual projection of tokens [..., W] into the joint space [..., D]. */
  NDArray project(NDArray tokens);
}
