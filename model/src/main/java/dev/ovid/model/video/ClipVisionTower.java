package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frozen CLIP vision transformer computed functionally from HF-named weights ({@code
 * vision_model.*}, {@code visual_projection.weight}), so any {@code CLIPModel} safetensors map can
 * drive it and the temporal branch can read every layer's tokens and weights.
 */
public final class ClipVisionTower implements FrameEncoder {
  private static final String PREFIX = "vision_model.";
  private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private final ClipVisionSettings settings;
  private final Map<String, NDArray> weights;

  /**
   * @param weights HF-named tensors; only {@code vision_model.*} and {@code
   *     visual_projection.weight} are read
   */
  public ClipVisionTower(ClipVisionSettings settings, Map<String, NDArray> weights) {
    this.settings = settings;
    Map<String, NDArray> own = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      if (e.getKey().startsWith(PREFIX) || e.getKey().equals("visual_projection.weight")) {
        own.put(e.getKey(), e.getValue());
      }
    }
    this.weights = Collections.unmodifiableMap(own);
    require("visual_projection.weight");
    require(PREFIX + "embeddings.patch_embedding.weight");
    for (int i = 0; i < settings.numLayers(); i++) {
      for (String key : TransformerOps.ENCODER_LAYER_KEYS) {
        require(layerPrefix(i) + key);
      }
    }
  }

  /** Random weights in HF layout (std 0.02, LN = identity), deterministic from {@code seed}. */
  public static Map<String, NDArray> randomWeights(
      ClipVisionSettings s, NDManager manager, long seed) {
    CounterRandom random = new CounterRandom(seed, 0x5649_5349_4F4EL);
    Map<String, NDArray> w = new LinkedHashMap<>();
    int width = s.hiddenSize();
    w.put(
        PREFIX + "embeddings.patch_embedding.weight",
        Tensors.normal(manager, new Shape(width, 3, s.patchSize(), s.patchSize()), 0.02, random));
    w.put(
        PREFIX + "embeddings.class_embedding",
        Tensors.normal(manager, new Shape(width), 0.02, random));
    w.put(
        PREFIX + "embeddings.position_embedding.weight",
        Tensors.normal(manager, new Shape(s.numPatches() + 1, width), 0.02, random));
    w.put(PREFIX + "pre_layrnorm.weight", manager.ones(new Shape(width)));
    w.put(PREFIX + "pre_layrnorm.bias", manager.zeros(new Shape(width)));
    for (int i = 0; i < s.numLayers(); i++) {
      String p = layerPrefix(i);
      for (String key : TransformerOps.ENCODER_LAYER_KEYS) {
        Shape shape = layerShape(key, width, s.intermediateSize());
        NDArray value;
        if (key.startsWith("layer_norm") && key.endsWith("weight")) {
          value = manager.ones(shape);
        } else if (key.endsWith("bias")) {
          value = Tensors.normal(manager, shape, 0.02, random);
        } else {
          value = Tensors.normal(manager, shape, 0.02, random);
        }
        w.put(p + key, value);
      }
    }
    w.put(PREFIX + "post_layernorm.weight", manager.ones(new Shape(width)));
    w.put(PREFIX + "post_layernorm.bias", manager.zeros(new Shape(width)));
    w.put(
        "visual_projection.weight",
        Tensors.normal(manager, new Shape(s.projectionDim(), width), 0.02, random));
    return w;
  }

  static Shape layerShape(String key, int width, int intermediate) {
    if (key.startsWith("layer_norm")) {
      return new Shape(width);
    }
    if (key.startsWith("self_attn.")) {
      return key.endsWith("weight") ? new Shape(width, width) : new Shape(width);
    }
    if (key.startsWith("mlp.fc1.")) {
      return key.endsWith("weight") ? new Shape(intermediate, width) : new Shape(intermediate);
    }
    return key.endsWith("weight") ? new Shape(width, intermediate) : new Shape(width);
  }

  private static String layerPrefix(int layer) {
    return PREFIX + "encoder.layers." + layer + ".";
  }

  private void require(String key) {
    if (!weights.containsKey(key)) {
      throw new IllegalArgumentException("CLIP vision weights lack tensor '" + key + "'");
    }
  }

  @Override
  public Map<String, NDArray> weights() {
    return weights;
  }

  public ClipVisionSettings settings() {
    return settings;
  }

  @Override
  public FrameFeatures encode(NDArray pixels) {
    long n = pixels.getShape().get(0);
    int width = settings.hiddenSize();
    NDArray patches =
        Conv2d.conv2d(
                pixels,
                weights.get(PREFIX + "embeddings.patch_embedding.weight"),
                null,
                new Shape(settings.patchSize(), settings.patchSize()))
            .singletonOrThrow();
    patches = patches.reshape(n, width, -1).transpose(0, 2, 1);
    NDArray cls =
        weights
            .get(PREFIX + "embeddings.class_embedding")
            .reshape(1, 1, width)
            .broadcast(n, 1, width);
    NDArray x =
        NDArrays.concat(new NDList(cls, patches), 1)
            .add(weights.get(PREFIX + "embeddings.position_embedding.weight"));
    float eps = settings.layerNormEps();
    x =
        TransformerOps.layerNorm(
            x,
            weights.get(PREFIX + "pre_layrnorm.weight"),
            weights.get(PREFIX + "pre_layrnorm.bias"),
            eps);
    List<NDArray> outputs = new ArrayList<>();
    outputs.add(x);
    for (int i = 0; i < settings.numLayers(); i++) {
      x =
          TransformerOps.clipEncoderLayer(
              x, layerWeights(i), settings.numHeads(), eps, settings.activation());
      outputs.add(x);
    }
    NDArray clsOut = x.get(":, 0, :");
    return new FrameFeatures(List.copyOf(outputs), project(clsOut));
  }

  @Override
  public Map<String, NDArray> layerWeights(int layer) {
    Map<String, NDArray> w = new LinkedHashMap<>();
    for (String key : TransformerOps.ENCODER_LAYER_KEYS) {
      w.put(key, weights.get(layerPrefix(layer) + key));
    }
    return w;
  }

  @Override
  public NDArray project(NDArray tokens) {
    NDArray h =
        TransformerOps.layerNorm(
            tokens,
            weights.get(PREFIX + "post_layernorm.weight"),
            weights.get(PREFIX + "post_layernorm.bias"),
            settings.layerNormEps());
    return TransformerOps.linear(h, weights.get("visual_projection.weight"), null);
  }

  @Override
  public int hiddenSize() {
    return settings.hiddenSize();
  }

  @Override
  public int numHeads() {
    return settings.numHeads();
  }

  @Override
  public int numLayers() {
    return settings.numLayers();
  }

  @Override
  public int numPatches() {
    return settings.numPatches();
  }

  @Override
  public int embedDim() {
    return settings.projectionDim();
  }

  @Override
  public int imageSize() {
    return settings.imageSize();
  }

  @Override
  public float layerNormEps() {
    return settings.layerNormEps();
  }

  @Override
  public NDArray encoderLayer(int layer, NDArray tokens, Map<String, NDArray> weights) {
    return TransformerOps.clipEncoderLayer(
        tokens, weights, settings.numHeads(), settings.layerNormEps(), settings.activation());
  }

  @Override
  public float[] pixelMean() {
    return CLIP_MEAN.clone();
  }

  @Override
  public float[] pixelStd() {
    return CLIP_STD.clone();
  }
}
