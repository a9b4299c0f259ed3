package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * T5's encoder or decoder stack over input embeddings: layers sharing layer 0's relative position
 * bias, then the final RMS norm.
 */
final class T5Stack extends FrozenBlock {
  /** The additive value HF puts where the mask is 0: the most negative float32. */
  static final float MASKED = -Float.MAX_VALUE;

  private final List<T5Layer> layers = new ArrayList<>();
  private final T5LayerNorm finalNorm;
  private final boolean decoder;

  T5Stack(Function<String, NDArray> weights, String prefix, T5Config config, boolean decoder) {
    this.decoder = decoder;
    int count = decoder ? config.numDecoderLayers() : config.numLayers();
    for (int i = 0; i < count; i++) {
      layers.add(
          addChildBlock(
              "block_" + i, new T5Layer(weights, prefix + ".block." + i, config, decoder, i)));
    }
    finalNorm =
        addChildBlock(
            "final_layer_norm",
            new T5LayerNorm(
                weights, prefix + ".final_layer_norm.weight", config.layerNormEpsilon()));
  }

  /**
   * Encoder pass.
   *
   * @param embeds [B, L, D]
   * @param mask [B, L], 1 for tokens to attend to, 0 for padding
   */
  NDArray encode(NDArray embeds, NDArray mask) {
    int length = (int) embeds.getShape().get(1);
    NDArray bias =
        layers.get(0).selfAttention().positionBias(embeds.getManager(), length, length, 0);
    bias = bias.add(additiveMask(mask));
    NDArray h = embeds;
    NDArray b = bias;
    for (T5Layer layer : layers) {
      NDArray in = h;
      h = dev.ovid.model.core.Tensors.scoped(() -> layer.forward(in, b, null, null));
    }
    return finalNorm.forward(h);
  }

  /**
   * Decoder pass over a whole (teacher-forced) sequence with a causal mask.
   *
   * @param embeds decoder input embeddings [B, Ld, D]
   * @param encoder encoder output [B, Le, D]
   * @param encoderMask [B, Le]
   */
  NDArray decode(NDArray embeds, NDArray encoder, NDArray encoderMask) {
    NDManager manager = embeds.getManager();
    int length = (int) embeds.getShape().get(1);
    NDArray selfBias =
        layers
            .get(0)
            .selfAttention()
            .positionBias(manager, length, length, 0)
            .add(causal(manager, length));
    NDArray crossBias = additiveMask(encoderMask);
    NDArray h = embeds;
    for (T5Layer layer : layers) {
      NDArray in = h;
      h = dev.ovid.model.core.Tensors.scoped(() -> layer.forward(in, selfBias, encoder, crossBias));
    }
    return finalNorm.forward(h);
  }

  /** A decoding cache holding each layer's cross-attention keys and values of {@code encoder}. */
  DecoderCache newCache(NDArray encoder, NDArray encoderMask) {
    List<NDArray[]> cross = new ArrayList<>();
    for (T5Layer layer : layers) {
      cross.add(layer.crossKeysAndValues(encoder));
    }
    return new DecoderCache(cross, additiveMask(encoderMask));
  }

  /**
   * Decoder state of one new position (after the final norm) [B, 1, D], given the positions before
   * it through {@code cache}, which it extends.
   */
  NDArray decodeStep(NDArray embed, DecoderCache cache) {
    int position = cache.length();
    NDArray selfBias =
        layers.get(0).selfAttention().positionBias(embed.getManager(), 1, position + 1, position);
    NDArray h = embed;
    for (int i = 0; i < layers.size(); i++) {
      h = layers.get(i).step(h, selfBias, cache.layer(i), cache.crossBias());
    }
    cache.advance();
    return finalNorm.forward(h);
  }

  boolean isDecoder() {
    return decoder;
  }

  /** [B, L] 0/1 mask → [B, 1, 1, L] additive bias (0 or the most negative float). */
  private static NDArray additiveMask(NDArray mask) {
    NDArray m = mask.toType(DataType.FLOAT32, false);
    return m.neg().add(1f).mul(MASKED).expandDims(1).expandDims(1);
  }

  private static NDArray causal(NDManager manager, int length) {
    float[] values = new float[length * length];
    for (int q = 0; q < length; q++) {
      for (int k = q + 1; k < length; k++) {
        values[q * length + k] = MASKED;
      }
    }
    return manager.create(values, new Shape(1, 1, length, length));
  }
}
