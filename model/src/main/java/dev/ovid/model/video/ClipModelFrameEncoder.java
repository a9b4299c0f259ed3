package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.clip.ClipVisionEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The frame encoder backed by a loaded {@link ClipModel}'s vision transformer (frozen). */
public final class ClipModelFrameEncoder implements FrameEncoder {
  private final ClipModel clip;
  private final ClipVisionEncoder vision;

  public ClipModelFrameEncoder(ClipModel clip) {
    this.clip = clip;
    this.vision = clip.vision();
  }

  @Override
  public int hiddenSize() {
    return vision.hiddenSize();
  }

  @Override
  public int numHeads() {
    return vision.config().numHeads();
  }

  @Override
  public int numLayers() {
    return vision.config().numLayers();
  }

  @Override
  public int numPatches() {
    return vision.config().numPatches();
  }

  @Override
  public int embedDim() {
    return vision.projectionDim();
  }

  @Override
  public int imageSize() {
    return vision.config().imageSize();
  }

  @Override
  public float layerNormEps() {
    return vision.config().layerNormEps();
  }

  @Override
  public float[] pixelMean() {
    return clip.pixelMean();
  }

  @Override
  public float[] pixelStd() {
    return clip.pixelStd();
  }

  @Override
  public FrameFeatures encode(NDArray pixels) {
    ClipVisionEncoder.VisionOutput out = vision.forwardPixels(null, pixels, false);
    // A bfloat16 tower (mixed precision) hands float32 features to the trainable parts.
    return new FrameFeatures(out.hiddenStates(), dev.ovid.model.core.Autocast.fp32(out.features()));
  }

  @Override
  public Map<String, NDArray> layerWeights(int layer) {
    return vision.layer(layer).weights();
  }

  /** The layer's maths with the caller's weights (e.g. SWR's blend; gradients flow through). */
  @Override
  public NDArray encoderLayer(int layer, NDArray tokens, Map<String, NDArray> weights) {
    return vision.layer(layer).forwardWith(tokens, null, weights::get);
  }

  @Override
  public Map<String, NDArray> weights() {
    Map<String, NDArray> w = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : vision.getParameters()) {
      w.put(p.getKey(), p.getValue().getArray());
    }
    return w;
  }

  @Override
  public NDArray project(NDArray tokens) {
    return vision.project(null, tokens, false);
  }
}
