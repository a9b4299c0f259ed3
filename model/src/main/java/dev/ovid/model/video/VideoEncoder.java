package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.ParameterOwner;
import dev.ovid.model.core.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * f_v: frozen CLIP on each frame plus the temporal branch. The video embedding is the re-normalised
 * mean of the unit-normalised projected TMP token and the F unit-normalised frame CLS embeddings
 * (each normalised first so the branch cannot dominate by scale alone).
 */
public final class VideoEncoder implements ParameterOwner {
  private final FrameEncoder clip;
  private final TemporalBranch branch;
  private final VideoEncoderConfig config;
  private final StochasticWeightRegularization swr;

  public VideoEncoder(FrameEncoder clip, TemporalBranch branch, VideoEncoderConfig config) {
    this.clip = clip;
    this.branch = branch;
    this.config = config;
    this.swr =
        config.swr()
            ? new StochasticWeightRegularization(config.swrLambda(), config.evalAlpha())
            : StochasticWeightRegularization.disabled();
  }

  public static VideoEncoder initialize(
      FrameEncoder clip, VideoEncoderConfig config, NDManager manager, long seed) {
    TemporalBranch branch =
        config.temporalLayers() == 0
            ? null
            : TemporalBranch.initialize(clip, config, manager, seed);
    return new VideoEncoder(clip, branch, config);
  }

  public VideoEncoderConfig config() {
    return config;
  }

  public FrameEncoder frameEncoder() {
    return clip;
  }

  public StochasticWeightRegularization swr() {
    return swr;
  }

  /**
   * Frames as CLIP expects them: uint8 [0, 255] or float [0, 1] pixels → per-channel normalised
   * float. Shape [..., 3, H, W] with H = W = the encoder's image size (resizing is the caller's).
   */
  public NDArray normalizePixels(NDArray frames) {
    Shape shape = frames.getShape();
    int dims = shape.dimension();
    if (dims < 3 || shape.get(dims - 3) != 3) {
      throw new IllegalArgumentException("frames must be [..., 3, H, W], got " + shape);
    }
    long size = clip.imageSize();
    if (shape.get(dims - 1) != size || shape.get(dims - 2) != size) {
      throw new IllegalArgumentException(
          "frames must be " + size + "x" + size + " (resize before encoding), got " + shape);
    }
    NDArray x =
        frames.getDataType() == DataType.UINT8
            ? frames.toType(DataType.FLOAT32, false).div(255f)
            : frames.toType(DataType.FLOAT32, false);
    NDManager m = x.getManager();
    NDArray mean = m.create(clip.pixelMean()).reshape(3, 1, 1);
    NDArray std = m.create(clip.pixelStd()).reshape(3, 1, 1);
    return x.sub(mean).div(std);
  }

  /**
   * Unit video embeddings [B, D] for frames [B, F, 3, H, W] (raw pixels, see {@link
   * #normalizePixels}) with SWR blend {@code alpha}.
   */
  public NDArray embed(NDArray frames, float alpha) {
    Shape shape = frames.getShape();
    if (shape.dimension() != 5 || shape.get(1) != config.frames()) {
      throw new IllegalArgumentException(
          "expected frames [B, " + config.frames() + ", 3, H, W], got " + shape);
    }
    int videos = Math.toIntExact(shape.get(0));
    NDArray pixels = normalizePixels(frames).reshape(new Shape(-1).addAll(shape.slice(2)));
    FrameFeatures features = clip.encode(pixels);
    NDArray cls =
        Tensors.normalizeRows(
            features.imageEmbeds().reshape(videos, config.frames(), clip.embedDim()));
    if (branch == null) {
      // No temporal branch (T = 0): the paper's frozen-CLIP baseline, mean of frame embeddings.
      return Tensors.normalizeRows(cls.mean(new int[] {1}));
    }
    NDArray tmp = Tensors.normalizeRows(clip.project(branch.forward(features, videos, alpha)));
    NDArray all = NDArrays.concat(new NDList(tmp.expandDims(1), cls), 1);
    return Tensors.normalizeRows(all.mean(new int[] {1}));
  }

  /**
   * Embedding for expansion and evaluation: the documented fixed α ({@link
   * StochasticWeightRegularization#evalAlpha}).
   */
  public NDArray embed(NDArray frames) {
    return embed(frames, swr.evalAlpha());
  }

  @Override
  public Map<String, NDArray> trainableParameters() {
    Map<String, NDArray> p = new LinkedHashMap<>();
    if (branch != null) {
      branch.parameters().forEach((k, v) -> p.put("video.branch." + k, v));
    }
    return p;
  }

  /**
   * The frozen CLIP tensors the branch's spatial layers were copied from, under the trainable
   * parameters' names: weight decay may pull the copies toward these instead of toward zero.
   */
  public Map<String, NDArray> decayAnchors() {
    Map<String, NDArray> p = new LinkedHashMap<>();
    for (int j = 0; j < config.temporalLayers(); j++) {
      String prefix = "video.branch.block" + j + ".spatial.";
      clip.layerWeights(TemporalBranch.clipLayer(clip, config, j))
          .forEach((k, v) -> p.put(prefix + k, v));
    }
    return p;
  }

  @Override
  public Map<String, NDArray> frozenParameters() {
    Map<String, NDArray> p = new LinkedHashMap<>();
    clip.weights().forEach((k, v) -> p.put("video.clip." + k, v));
    return p;
  }
}
