package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import java.util.function.Function;

/**
 * One T5 transformer layer (HF's {@code T5Block}): pre-norm self-attention, in the decoder a
 * pre-norm cross-attention over the encoder output, then a pre-norm feed-forward, each residual.
 */
final class T5Layer extends FrozenBlock {
  private final T5LayerNorm selfNorm;
  private final T5Attention selfAttention;
  private final T5LayerNorm crossNorm;
  private final T5Attention crossAttention;
  private final T5LayerNorm ffNorm;
  private final T5FeedForward feedForward;

  T5Layer(
      Function<String, NDArray> weights,
      String prefix,
      T5Config config,
      boolean decoder,
      int index) {
    double eps = config.layerNormEpsilon();
    String self = prefix + ".layer.0";
    selfNorm =
        addChildBlock("self_norm", new T5LayerNorm(weights, self + ".layer_norm.weight", eps));
    selfAttention =
        addChildBlock(
            "self_attention",
            new T5Attention(weights, self + ".SelfAttention", config, index == 0, !decoder));
    int ff = 1;
    if (decoder) {
      String cross = prefix + ".layer.1";
      crossNorm =
          addChildBlock("cross_norm", new T5LayerNorm(weights, cross + ".layer_norm.weight", eps));
      crossAttention =
          addChildBlock(
              "cross_attention",
              new T5Attention(weights, cross + ".EncDecAttention", config, false, false));
      ff = 2;
    } else {
      crossNorm = null;
      crossAttention = null;
    }
    String ffPrefix = prefix + ".layer." + ff;
    ffNorm =
        addChildBlock("ff_norm", new T5LayerNorm(weights, ffPrefix + ".layer_norm.weight", eps));
    feedForward =
        addChildBlock(
            "feed_forward", new T5FeedForward(weights, ffPrefix + ".DenseReluDense", config));
  }

  T5Attention selfAttention() {
    return selfAttention;
  }

  /**
   * @param selfBias position bias plus self-attention mask [1|B, H, L, L]
   * @param encoder encoder output [B, Le, D], or null in the encoder
   * @param crossBias encoder mask as an additive bias [B, 1, 1, Le], or null in the encoder
   */
  NDArray forward(NDArray x, NDArray selfBias, NDArray encoder, NDArray crossBias) {
    NDArray normed = selfNorm.forward(x);
    NDArray h = x.add(selfAttention.forward(normed, normed, selfBias));
    if (crossAttention != null) {
      h = h.add(crossAttention.forward(crossNorm.forward(h), encoder, crossBias));
    }
    return h.add(feedForward.forward(ffNorm.forward(h)));
  }

  /**
   * One incremental decoder step for a single new position, extending the layer's cache.
   *
   * @param x the new position's hidden state [B, 1, D]
   * @param selfBias position bias of that query over all cached keys [1, H, 1, t+1]
   */
  NDArray step(NDArray x, NDArray selfBias, DecoderCache.Layer cache, NDArray crossBias) {
    NDArray normed = selfNorm.forward(x);
    NDArray[] kv = selfAttention.keysAndValues(normed);
    cache.append(kv[0], kv[1]);
    NDArray h = x.add(selfAttention.attend(normed, cache.keys(), cache.values(), selfBias));
    h =
        h.add(
            crossAttention.attend(
                crossNorm.forward(h), cache.crossKeys(), cache.crossValues(), crossBias));
    return h.add(feedForward.forward(ffNorm.forward(h)));
  }

  NDArray[] crossKeysAndValues(NDArray encoder) {
    return crossAttention.keysAndValues(encoder);
  }
}
