package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.weights.Weights;
import java.util.List;

/**
 * HF's {@code CLIPTextTransformer} plus {@code text_projection}: token and position embeddings, a
 * causal pre-LN encoder, the final layer norm, pooling at the EOS token, projection. Besides token
 * ids it accepts input embeddings directly (soft prompts), so gradients reach the caller's vectors
 * while CLIP's frozen weights get none.
 */
public final class ClipTextEncoder extends FrozenParameterBlock {
  private final ClipTextConfig config;
  private final int projectionDim;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<ClipEncoderLayer> layers;
  private final ClipLayerNorm finalLayerNorm;
  private final ClipLinear textProjection;

  /** The text transformer's outputs. */
  public record TextOutput(NDArray features, NDArray pooled, NDArray lastHiddenState) {}

  /**
   * {@code w} is the checkpoint's root view (names {@code text_model.*}, {@code
   * text_projection.*}).
   */
  public ClipTextEncoder(Weights w, ClipTextConfig config, int projectionDim) {
    this.config = config;
    this.projectionDim = projectionDim;
    int d = config.hiddenSize();
    Weights t = w.prefix("text_model.");
    tokenEmbedding =
        frozen(
            "token_embedding",
            Parameter.Type.WEIGHT,
            t.get("embeddings.token_embedding.weight"),
            config.vocabSize(),
            d);
    positionEmbedding =
        frozen(
            "position_embedding",
            Parameter.Type.WEIGHT,
            t.get("embeddings.position_embedding.weight"),
            config.maxPositionEmbeddings(),
            d);
    layers =
        ClipEncoderLayer.stack(
            t,
            config.numLayers(),
            d,
            config.numHeads(),
            config.intermediateSize(),
            config.activation(),
            config.layerNormEps(),
            this::addChildBlock);
    finalLayerNorm =
        addChildBlock(
            "final_layer_norm",
            new ClipLayerNorm(t.prefix("final_layer_norm."), d, config.layerNormEps()));
    textProjection =
        addChildBlock(
            "text_projection",
            new ClipLinear(w.prefix("text_projection."), d, projectionDim, false));
  }

  public ClipTextConfig config() {
    return config;
  }

  public int hiddenSize() {
    return config.hiddenSize();
  }

  public int projectionDim() {
    return projectionDim;
  }

  /** The longest sequence the position embedding covers (77 for released CLIPs). */
  public int contextLength() {
    return config.maxPositionEmbeddings();
  }

  public List<ClipEncoderLayer> layers() {
    return layers;
  }

  public Parameter tokenEmbedding() {
    return tokenEmbedding;
  }

  public Parameter positionEmbedding() {
    return positionEmbedding;
  }

  public ClipLayerNorm finalLayerNorm() {
    return finalLayerNorm;
  }

  public ClipLinear textProjection() {
    return textProjection;
  }

  /** Token embeddings only (no positions): int64 ids [B, T] to [B, T, D]. */
  public NDArray tokenEmbeddings(NDArray ids) {
    return tokenEmbeddings(null, ids, false);
  }

  public NDArray tokenEmbeddings(ParameterStore ps, NDArray ids, boolean training) {
    NDArray table = value(ps, tokenEmbedding, ids, training);
    return Embedding.embedding(ids.toType(DataType.INT64, false), table, SparseFormat.DENSE)
        .singletonOrThrow();
  }

  /** HF's {@code get_text_features}: projected EOS features [B, P] (not normalised). */
  public NDArray encodeTokens(NDArray ids) {
    return forwardTokens(null, ids, false).features();
  }

  /** Projected features [B, P] of input embeddings [B, T, D] pooled at {@code eosPositions} [B]. */
  public NDArray encodeEmbeddings(NDArray inputEmbeds, NDArray eosPositions) {
    return forwardEmbeddings(null, inputEmbeds, eosPositions, false).features();
  }

  public TextOutput forwardTokens(ParameterStore ps, NDArray ids, boolean training) {
    return forwardEmbeddings(ps, tokenEmbeddings(ps, ids, training), eosPositions(ids), training);
  }

  /**
   * HF's pooling position: argmax of the ids when the config's eos_token_id is the legacy 2 (EOS is
   * the largest id in CLIP's vocabulary), else the first position holding eos_token_id.
   */
  public NDArray eosPositions(NDArray ids) {
    NDArray asInt = ids.toType(DataType.INT64, false);
    if (config.legacyEosPooling()) {
      return asInt.argMax(1);
    }
    return asInt.eq(config.eosTokenId()).toType(DataType.INT32, false).argMax(1);
  }

  public TextOutput forwardEmbeddings(
      ParameterStore ps, NDArray inputEmbeds, NDArray eosPositions, boolean training) {
    Shape s = inputEmbeds.getShape();
    if (s.dimension() != 3 || s.get(2) != config.hiddenSize()) {
      throw new IllegalArgumentException(
          "input embeddings must be [B, T, " + config.hiddenSize() + "], got " + s);
    }
    int t = (int) s.get(1);
    if (t > config.maxPositionEmbeddings()) {
      throw new IllegalArgumentException(
          "sequence of "
              + t
              + " tokens exceeds the "
              + config.maxPositionEmbeddings()
              + " positions of this CLIP text model");
    }
    long[] eos = eosPositions.toType(DataType.INT64, false).toLongArray();
    if (eos.length != s.get(0) || java.util.Arrays.stream(eos).anyMatch(p -> p < 0 || p >= t)) {
      throw new IllegalArgumentException(
          "eosPositions must hold one position in [0, "
              + t
              + ") per row of "
              + s
              + ", got "
              + java.util.Arrays.toString(eos));
    }
    NDArray positions = value(ps, positionEmbedding, inputEmbeds, training).get("0:" + t);
    // A slice joins the parameter's manager; keep it with the caller's arrays instead.
    positions.attach(inputEmbeds.getManager());
    NDArray h = inputEmbeds.add(positions);
    NDArray mask = causalMask(inputEmbeds.getManager(), t).toDevice(h.getDevice(), false);
    for (ClipEncoderLayer layer : layers) {
      NDArray in = h;
      h = Tensors.scoped(() -> layer.forward(ps, in, mask, training));
    }
    h = finalLayerNorm.forward(ps, h, training);
    // A one-hot weighted sum picks each row's EOS token exactly and passes gradients through.
    NDArray pick =
        eosPositions
            .toDevice(h.getDevice(), false)
            .toType(DataType.INT64, false)
            .oneHot(t)
            .toType(h.getDataType(), false);
    NDArray pooled = h.mul(pick.expandDims(-1)).sum(new int[] {1});
    NDArray features = textProjection.forward(ps, pooled, training);
    return new TextOutput(features, pooled, h);
  }

  /** HF's causal mask: 0 on and below the diagonal, the most negative float above it. */
  static NDArray causalMask(NDManager manager, int t) {
    float[] m = new float[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        m[i * t + j] = -Float.MAX_VALUE;
      }
    }
    return manager.create(m, new Shape(t, t));
  }

  /**
   * DJL entry: {@code (ids)} or {@code (inputEmbeds, eosPositions)} in; {@code (features, pooled,
   * lastHiddenState)} out.
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    TextOutput out =
        inputs.size() == 1
            ? forwardTokens(ps, inputs.get(0), training)
            : forwardEmbeddings(ps, inputs.get(0), inputs.get(1), training);
    return new NDList(out.features(), out.pooled(), out.lastHiddenState());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(1);
    long d = config.hiddenSize();
    return new Shape[] {new Shape(b, projectionDim), new Shape(b, d), new Shape(b, t, d)};
  }
}
