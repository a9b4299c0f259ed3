package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parallel temporal branch on CLIP's last T layers. Block j reads CLIP layer t = L − T + j: its
 * input is V'_{t−1} + Proj_t(V_t) (patch tokens only), then divided space-time attention — temporal
 * attention across frames per patch position (random init) followed by a spatial CLIP encoder layer
 * over [TMP, patches] per frame, initialised as a copy of CLIP layer t and run with stochastically
 * blended weights. The first block starts TMP as the mean of the frames' CLS tokens and adds
 * learnable spatial and temporal position embeddings.
 */
public final class TemporalBranch {
  private static final String[] ATTENTION_KEYS = {
    "q_proj.weight", "q_proj.bias", "k_proj.weight", "k_proj.bias",
    "v_proj.weight", "v_proj.bias", "out_proj.weight", "out_proj.bias"
  };

  private final FrameEncoder clip;
  private final VideoEncoderConfig config;
  private final Map<String, NDArray> parameters;

  private TemporalBranch(
      FrameEncoder clip, VideoEncoderConfig config, Map<String, NDArray> parameters) {
    this.clip = clip;
    this.config = config;
    this.parameters = parameters;
  }

  /**
   * A fresh branch: spatial layers copied from CLIP, projections identity (so block inputs start as
   * CLIP's own tokens, the distribution the copied layers expect), position embeddings zero,
   * temporal q/k/v Normal(0, 0.02) and temporal output projections zero (each temporal attention
   * starts as the identity, so the untrained branch reproduces CLIP per frame).
   */
  public static TemporalBranch initialize(
      FrameEncoder clip, VideoEncoderConfig config, NDManager manager, long seed) {
    if (config.temporalLayers() > clip.numLayers()) {
      throw new IllegalArgumentException(
          "temporalLayers "
              + config.temporalLayers()
              + " exceeds CLIP's "
              + clip.numLayers()
              + " layers");
    }
    CounterRandom random = new CounterRandom(seed, 0x5445_4D50L);
    int width = clip.hiddenSize();
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("pos.spatial", manager.zeros(new Shape(clip.numPatches(), width)));
    p.put("pos.temporal", manager.zeros(new Shape(config.frames(), width)));
    for (int j = 0; j < config.temporalLayers(); j++) {
      String b = "block" + j + ".";
      p.put(
          b + "proj.weight", j == 0 ? manager.eye(width) : manager.zeros(new Shape(width, width)));
      p.put(b + "proj.bias", manager.zeros(new Shape(width)));
      p.put(b + "temporal.layer_norm.weight", manager.ones(new Shape(width)));
      p.put(b + "temporal.layer_norm.bias", manager.zeros(new Shape(width)));
      for (String key : ATTENTION_KEYS) {
        Shape shape = key.endsWith("weight") ? new Shape(width, width) : new Shape(width);
        boolean random02 = !key.startsWith("out_proj") && key.endsWith("weight");
        p.put(
            b + "temporal." + key,
            random02 ? Tensors.normal(manager, shape, 0.02, random) : manager.zeros(shape));
      }
      Map<String, NDArray> layer = clip.layerWeights(clipLayer(clip, config, j));
      for (Map.Entry<String, NDArray> e : layer.entrySet()) {
        p.put(b + "spatial." + e.getKey(), Tensors.copyTo(e.getValue(), manager));
      }
    }
    return new TemporalBranch(clip, config, p);
  }

  static int clipLayer(FrameEncoder clip, VideoEncoderConfig config, int block) {
    return clip.numLayers() - config.temporalLayers() + block;
  }

  /** Trainable tensors by name (checkpoint keys below {@code video.branch.}). */
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * Runs the branch for B videos of F frames.
   *
   * @param features the frozen encoder's output for the B·F frames, video-major
   * @param alpha the SWR blend for the spatial layers
   * @return the final TMP token [B, W]
   */
  public NDArray forward(FrameFeatures features, int videos, float alpha) {
    int frames = config.frames();
    int width = clip.hiddenSize();
    int patches = clip.numPatches();
    NDArray tmp = null;
    NDArray x = null;
    for (int j = 0; j < config.temporalLayers(); j++) {
      String b = "block" + j + ".";
      // float32 even when the frozen tower ran in bfloat16: gradients flow from here on.
      NDArray layerTokens =
          Autocast.fp32(features.hiddenStates().get(clipLayer(clip, config, j)))
              .reshape(videos, frames, patches + 1, width);
      NDArray projected =
          TransformerOps.linear(
              layerTokens.get(":, :, 1:, :"),
              parameters.get(b + "proj.weight"),
              parameters.get(b + "proj.bias"));
      if (j == 0) {
        tmp = layerTokens.get(":, :, 0, :").mean(new int[] {1});
        x =
            projected
                .add(parameters.get("pos.spatial"))
                .add(parameters.get("pos.temporal").reshape(frames, 1, width));
      } else {
        x = x.add(projected);
      }
      // One scope per block: only its outputs outlive it (see Tensors.scoped).
      NDArray in = x;
      NDArray tmpIn = tmp;
      int block = j;
      NDArray[] out =
          Tensors.scopedAll(
              () ->
                  spatialLayer(
                      temporalAttention(in, b, videos, frames, patches, width),
                      tmpIn,
                      block,
                      videos,
                      frames,
                      patches,
                      width,
                      alpha));
      tmp = out[0];
      x = out[1];
    }
    return tmp;
  }

  private NDArray temporalAttention(
      NDArray x, String b, int videos, int frames, int patches, int width) {
    NDArray seq = x.transpose(0, 2, 1, 3).reshape(videos * (long) patches, frames, width);
    NDArray h =
        TransformerOps.layerNorm(
            seq,
            parameters.get(b + "temporal.layer_norm.weight"),
            parameters.get(b + "temporal.layer_norm.bias"),
            clip.layerNormEps());
    seq = seq.add(TransformerOps.selfAttention(h, parameters, b + "temporal.", clip.numHeads()));
    return seq.reshape(videos, patches, frames, width).transpose(0, 2, 1, 3);
  }

  /** Spatial attention per frame over [TMP, patches]; TMP's per-frame results are averaged. */
  private NDArray[] spatialLayer(
      NDArray x,
      NDArray tmp,
      int block,
      int videos,
      int frames,
      int patches,
      int width,
      float alpha) {
    String b = "block" + block + ".";
    int layer = clipLayer(clip, config, block);
    Map<String, NDArray> fineTuned = new LinkedHashMap<>();
    for (String key : clip.layerWeights(layer).keySet()) {
      fineTuned.put(key, parameters.get(b + "spatial." + key));
    }
    Map<String, NDArray> weights =
        StochasticWeightRegularization.blend(fineTuned, clip.layerWeights(layer), alpha);
    NDArray tmpPerFrame = tmp.reshape(videos, 1, 1, width).broadcast(videos, frames, 1, width);
    NDArray seq =
        NDArrays.concat(new NDList(tmpPerFrame, x), 2)
            .reshape(videos * (long) frames, patches + 1, width);
    seq = clip.encoderLayer(layer, seq, weights);
    seq = seq.reshape(videos, frames, patches + 1, width);
    return new NDArray[] {seq.get(":, :, 0, :").mean(new int[] {1}), seq.get(":, :, 1:, :")};
  }
}
