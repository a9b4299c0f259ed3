package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.weights.Weights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HF's {@code CLIPVisionTransformer} plus {@code visual_projection}: bias-free patch convolution,
 * class token, position embedding, {@code pre_layrnorm}, the encoder, {@code post_layernorm} on the
 * class token, projection. Exposes every layer's hidden states and the layers themselves, so a
 * temporal branch can read CLIP's tokens and start from CLIP's weights.
 */
public final class ClipVisionEncoder extends FrozenParameterBlock {
  private final ClipVisionConfig config;
  private final int projectionDim;
  private final Parameter classEmbedding;
  private final Parameter patchEmbedding;
  private final Parameter positionEmbedding;
  private final ClipLayerNorm preLayerNorm;
  private final List<ClipEncoderLayer> layers;
  private final ClipLayerNorm postLayerNorm;
  private final ClipLinear visualProjection;

  /**
   * The vision transformer's outputs. {@code hiddenStates} has L+1 entries [B, 1+N, D] as HF's
   * {@code output_hidden_states}: [0] the embeddings after {@code pre_layrnorm}, [k] the output of
   * layer k-1. Empty when not asked for.
   */
  public record VisionOutput(
      NDArray features, NDArray pooled, NDArray lastHiddenState, List<NDArray> hiddenStates) {}

  /**
   * {@code w} is the checkpoint's root view (names {@code vision_model.*}, {@code
   * visual_projection.*}).
   */
  public ClipVisionEncoder(Weights w, ClipVisionConfig config, int projectionDim) {
    this.config = config;
    this.projectionDim = projectionDim;
    int d = config.hiddenSize();
    int p = config.patchSize();
    Weights v = w.prefix("vision_model.");
    classEmbedding =
        frozen("class_embedding", Parameter.Type.WEIGHT, v.get("embeddings.class_embedding"), d);
    patchEmbedding =
        frozen(
            "patch_embedding",
            Parameter.Type.WEIGHT,
            v.get("embeddings.patch_embedding.weight"),
            d,
            config.numChannels(),
            p,
            p);
    positionEmbedding =
        frozen(
            "position_embedding",
            Parameter.Type.WEIGHT,
            v.get("embeddings.position_embedding.weight"),
            config.numPatches() + 1,
            d);
    preLayerNorm =
        addChildBlock(
            "pre_layrnorm", new ClipLayerNorm(v.prefix("pre_layrnorm."), d, config.layerNormEps()));
    layers =
        ClipEncoderLayer.stack(
            v,
            config.numLayers(),
            d,
            config.numHeads(),
            config.intermediateSize(),
            config.activation(),
            config.layerNormEps(),
            this::addChildBlock);
    postLayerNorm =
        addChildBlock(
            "post_layernorm",
            new ClipLayerNorm(v.prefix("post_layernorm."), d, config.layerNormEps()));
    visualProjection =
        addChildBlock(
            "visual_projection",
            new ClipLinear(w.prefix("visual_projection."), d, projectionDim, false));
  }

  public ClipVisionConfig config() {
    return config;
  }

  public int hiddenSize() {
    return config.hiddenSize();
  }

  public int projectionDim() {
    return projectionDim;
  }

  public List<ClipEncoderLayer> layers() {
    return layers;
  }

  public ClipEncoderLayer layer(int index) {
    return layers.get(index);
  }

  public Parameter classEmbedding() {
    return classEmbedding;
  }

  public Parameter patchEmbedding() {
    return patchEmbedding;
  }

  public Parameter positionEmbedding() {
    return positionEmbedding;
  }

  public ClipLayerNorm preLayerNorm() {
    return preLayerNorm;
  }

  public ClipLayerNorm postLayerNorm() {
    return postLayerNorm;
  }

  public ClipLinear visualProjection() {
    return visualProjection;
  }

  /** HF's {@code get_image_features}: projected features [B, P] (not normalised). */
  public NDArray encodeImages(NDArray pixels) {
    return forwardPixels(null, pixels, false, false).features();
  }

  /** All outputs including every layer's hidden states. */
  public VisionOutput forwardPixels(ParameterStore ps, NDArray pixels, boolean training) {
    return forwardPixels(ps, pixels, training, true);
  }

  public VisionOutput forwardPixels(
      ParameterStore ps, NDArray pixels, boolean training, boolean keepHiddenStates) {
    NDArray h = embed(ps, pixels, training);
    List<NDArray> hidden = new ArrayList<>();
    if (keepHiddenStates) {
      hidden.add(h);
    }
    for (ClipEncoderLayer layer : layers) {
      NDArray in = h;
      h = Tensors.scoped(() -> layer.forward(ps, in, null, training));
      if (keepHiddenStates) {
        hidden.add(h);
      }
    }
    NDArray pooled = postLayerNorm.forward(ps, h.get(":, 0, :"), training);
    NDArray features = visualProjection.forward(ps, pooled, training);
    return new VisionOutput(features, pooled, h, Collections.unmodifiableList(hidden));
  }

  /** Patch, class and position embeddings followed by {@code pre_layrnorm}: [B, 1+N, D]. */
  public NDArray embed(ParameterStore ps, NDArray pixels, boolean training) {
    Shape s = pixels.getShape();
    if (s.dimension() != 4
        || s.get(1) != config.numChannels()
        || s.get(2) != config.imageSize()
        || s.get(3) != config.imageSize()) {
      throw new IllegalArgumentException(
          "pixels must be [B, "
              + config.numChannels()
              + ", "
              + config.imageSize()
              + ", "
              + config.imageSize()
              + "] for this CLIP, got "
              + s);
    }
    long b = s.get(0);
    int d = config.hiddenSize();
    int p = config.patchSize();
    NDArray kernel = value(ps, patchEmbedding, pixels, training);
    // A bfloat16 or float16 tower (mixed precision) takes pixels of its type.
    NDArray in = Autocast.castLike(pixels, kernel);
    NDArray patches = Conv2d.conv2d(in, kernel, null, new Shape(p, p)).singletonOrThrow();
    patches = patches.reshape(b, d, -1).transpose(0, 2, 1);
    // Results join the manager of an op's first operand: keep everything derived from a
    // parameter in the caller's manager, or each call would pile arrays into the model's.
    NDArray clsView = value(ps, classEmbedding, pixels, training).reshape(1, 1, d);
    clsView.attach(pixels.getManager());
    NDArray cls = clsView.repeat(0, b);
    NDArray x =
        NDArrays.concat(new NDList(cls, patches), 1)
            .add(value(ps, positionEmbedding, pixels, training));
    return preLayerNorm.forward(ps, x, training);
  }

  /** {@code post_layernorm} then {@code visual_projection}: [.., D] tokens to [.., P] features. */
  public NDArray project(ParameterStore ps, NDArray tokens, boolean training) {
    return visualProjection.forward(ps, postLayerNorm.forward(ps, tokens, training), training);
  }

  /** DJL entry: {@code (pixels)} in; {@code (features, pooled, lastHiddenState)} out. */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    VisionOutput out = forwardPixels(ps, inputs.singletonOrThrow(), training, false);
    return new NDList(out.features(), out.pooled(), out.lastHiddenState());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    long d = config.hiddenSize();
    return new Shape[] {
      new Shape(b, projectionDim), new Shape(b, d), new Shape(b, config.numPatches() + 1L, d)
    };
  }
}
