package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainable prompt transformer of learnable LLM prompting: a small pre-LN transformer encoder
 * over one soft attribute's L decoder vectors (width d_T5), then a linear map into the CLIP text
 * encoder's token-embedding width. Its output replaces L prompt-token embeddings.
 *
 * <p>Output scale: every soft token leaves the map at a fixed root-mean-square size, {@code
 * outScale} = {@code scale} × the standard deviation of the CLIP tower's own token embeddings
 * ({@link LearnableLlmPromptConfig#softPromptScale}), whatever the tower's embedding scale and
 * however long it trains: training can only turn them. At the default, a tenth of a real token's
 * size, the label's tokens dominate and the encoder starts close to plain class-name prompting. Two
 * earlier versions let them grow:
 *
 * <ul>
 *   <li>A map initialised with tiny entries (0.02/√width): AdamW moves every entry by about the
 *       learning rate per step, so its soft prompts outweighed the label's tokens within 60 steps
 *       (on the shapes experiment's CLIP: 0.12 → 4.9 in norm against 2.8 for a token), which made
 *       every label's embedding the same.
 *   <li>Unit-scale entries with a fixed output factor and no normalisation: the same happened after
 *       about a thousand steps (the shapes experiment's {@code learnable}: seen-label AUPR 1.000 →
 *       0.169 over 1,440 steps, 1.000 with the fixed size).
 * </ul>
 */
final class PromptTransformer {
  private static final float EPS = 1e-5f;

  private final Map<String, NDArray> parameters = new LinkedHashMap<>();
  private final int layers;
  private final int heads;
  private final int width;
  private final float outScale;

  /**
   * @param width d_T5 (input width)
   * @param outWidth CLIP text hidden width
   * @param tokenStd standard deviation of the CLIP text tower's token-embedding entries
   * @param scale soft tokens' root-mean-square size in units of {@code tokenStd}
   */
  PromptTransformer(
      NDManager manager,
      int width,
      int outWidth,
      int layers,
      int heads,
      double tokenStd,
      double scale,
      CounterRandom random) {
    if (layers < 0 || heads < 1 || width % heads != 0) {
      throw new IllegalArgumentException(
          "prompt transformer needs layers >= 0 and heads dividing the width "
              + width
              + " (layers "
              + layers
              + ", heads "
              + heads
              + ")");
    }
    this.layers = layers;
    this.heads = heads;
    this.width = width;
    if (!(tokenStd > 0) || !Double.isFinite(tokenStd)) {
      throw new IllegalArgumentException(
          "token embedding standard deviation must be > 0: " + tokenStd);
    }
    this.outScale = (float) (scale * tokenStd);
    int hidden = 4 * width;
    for (int i = 0; i < layers; i++) {
      String p = "layers." + i + ".";
      norm(manager, p + "ln1", width);
      linear(manager, p + "attn.qkv", 3 * width, width, 0.02, random);
      linear(
          manager,
          p + "attn.out",
          width,
          width,
          0.02 / Math.sqrt(2.0 * Math.max(1, layers)),
          random);
      norm(manager, p + "ln2", width);
      linear(manager, p + "mlp.fc1", hidden, width, 0.02, random);
      linear(
          manager,
          p + "mlp.fc2",
          width,
          hidden,
          0.02 / Math.sqrt(2.0 * Math.max(1, layers)),
          random);
    }
    norm(manager, "ln_final", width);
    // Unit-variance input and unit-scale weights: unit-scale outputs before outScale.
    linear(manager, "proj", outWidth, width, 1 / Math.sqrt(width), random);
  }

  /** Named trainable tensors (float32, in the manager given at construction). */
  Map<String, NDArray> parameters() {
    return parameters;
  }

  /** The fixed factor on the linear map's output (scale × token std). */
  float outScale() {
    return outScale;
  }

  /** [B, L, width] → [B, L, outWidth]. */
  NDArray forward(NDArray x) {
    for (int i = 0; i < layers; i++) {
      String p = "layers." + i + ".";
      x = x.add(attention(layerNorm(x, p + "ln1"), p + "attn."));
      NDArray n = layerNorm(x, p + "ln2");
      // fc1, GELU and fc2 in bfloat16 under mixed precision, one cast in and one out.
      NDArray h = dense(Autocast.operand(n), p + "mlp.fc1");
      // Exact GELU; constants through Scalars, which autograd can rely on.
      h = Tensors.mul(h.mul(Tensors.add(Tensors.div(h, (float) Math.sqrt(2.0)).erf(), 1f)), 0.5f);
      x = x.add(Autocast.like(dense(h, p + "mlp.fc2"), n));
    }
    // Each soft token at a fixed root-mean-square size: training turns soft prompts, not grows
    // them.
    NDArray y = Autocast.fp32(dense(layerNorm(x, "ln_final"), "proj"));
    NDArray rms = Tensors.add(y.square().mean(new int[] {-1}, true), EPS).sqrt();
    // Through Tensors.mul (a tensor operand), which autograd can rely on.
    return Tensors.mul(y.div(rms), outScale);
  }

  private NDArray attention(NDArray x, String prefix) {
    long b = x.getShape().get(0);
    long l = x.getShape().get(1);
    long headDim = width / heads;
    // One cast for the projections and the attention between them (see Autocast.operand).
    NDArray in = Autocast.operand(x);
    NDArray qkv =
        dense(in, prefix + "qkv").reshape(b, l, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
    NDArray out =
        Autocast.attention(qkv.get(0), qkv.get(1), qkv.get(2), null)
            .transpose(0, 2, 1, 3)
            .reshape(b, l, width);
    return Autocast.like(dense(out, prefix + "out"), x);
  }

  private NDArray dense(NDArray x, String name) {
    return Autocast.linear(x, parameters.get(name + ".weight"), parameters.get(name + ".bias"));
  }

  private NDArray layerNorm(NDArray x, String name) {
    return Autocast.layerNorm(
        x, new Shape(width), parameters.get(name + ".weight"), parameters.get(name + ".bias"), EPS);
  }

  private void norm(NDManager manager, String name, int size) {
    parameters.put(name + ".weight", manager.ones(new Shape(size)));
    parameters.put(name + ".bias", manager.zeros(new Shape(size)));
  }

  private void linear(
      NDManager manager, String name, int out, int in, double std, CounterRandom random) {
    parameters.put(name + ".weight", Tensors.normal(manager, new Shape(out, in), std, random));
    parameters.put(name + ".bias", manager.zeros(new Shape(out)));
  }
}
