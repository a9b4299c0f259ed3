package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.function.Function;

/**
 * T5 multi-head attention: bias-free q/k/v/o projections, no 1/√d scaling, and an additive position
 * bias. Only the first layer of a stack owns the relative-attention-bias table; the bias it
 * computes (mask included) is reused by every later layer of the stack.
 */
final class T5Attention extends FrozenBlock {
  private final Parameter q;
  private final Parameter k;
  private final Parameter v;
  private final Parameter o;
  private final Parameter relativeBias;
  private final int heads;
  private final int dKv;
  private final boolean bidirectional;
  private final int numBuckets;
  private final int maxDistance;

  T5Attention(
      Function<String, NDArray> weights,
      String prefix,
      T5Config config,
      boolean hasRelativeBias,
      boolean bidirectional) {
    this.q = frozen("q", weights, prefix + ".q.weight");
    this.k = frozen("k", weights, prefix + ".k.weight");
    this.v = frozen("v", weights, prefix + ".v.weight");
    this.o = frozen("o", weights, prefix + ".o.weight");
    this.relativeBias =
        hasRelativeBias
            ? frozen("relative_attention_bias", weights, prefix + ".relative_attention_bias.weight")
            : null;
    this.heads = config.numHeads();
    this.dKv = config.dKv();
    this.bidirectional = bidirectional;
    this.numBuckets = config.relativeAttentionNumBuckets();
    this.maxDistance = config.relativeAttentionMaxDistance();
  }

  boolean hasRelativeBias() {
    return relativeBias != null;
  }

  /**
   * The relative position bias [1, H, Lq, Lk] for queries at positions {@code queryOffset..} and
   * keys at {@code 0..keyLength-1}; zeros when this layer has no bias table.
   */
  NDArray positionBias(NDManager manager, int queryLength, int keyLength, int queryOffset) {
    if (relativeBias == null) {
      return manager.zeros(new Shape(1, heads, queryLength, keyLength), DataType.FLOAT32);
    }
    long[] buckets =
        RelativePositionBuckets.table(
            queryLength, keyLength, queryOffset, bidirectional, numBuckets, maxDistance);
    NDArray index = manager.create(buckets, new Shape(queryLength, keyLength));
    NDArray values = relativeBias.getArray().get(manager, new NDIndex("{}", index)); // [Lq, Lk, H]
    return values.transpose(2, 0, 1).expandDims(0).toType(DataType.FLOAT32, false);
  }

  /**
   * @param x queries' hidden states [B, Lq, D]
   * @param keyValue keys' hidden states [B, Lk, D] (x itself for self-attention)
   * @param bias position bias plus additive mask, broadcastable to [B, H, Lq, Lk]
   */
  NDArray forward(NDArray x, NDArray keyValue, NDArray bias) {
    NDArray[] kv = keysAndValues(keyValue);
    return attend(x, kv[0], kv[1], bias);
  }

  /** Projected keys and values [B, H, Lk, dKv] (what a decoding cache keeps). */
  NDArray[] keysAndValues(NDArray keyValue) {
    long batch = keyValue.getShape().get(0);
    return new NDArray[] {split(linear(keyValue, k), batch), split(linear(keyValue, v), batch)};
  }

  /** Attention of the queries in {@code x} over already projected keys and values. */
  NDArray attend(NDArray x, NDArray key, NDArray value, NDArray bias) {
    long batch = x.getShape().get(0);
    NDArray query = split(linear(x, q), batch);
    NDArray scores =
        dev.ovid.model.core.Autocast.matMul(query, key.transpose(0, 1, 3, 2))
            .toType(DataType.FLOAT32, false);
    NDArray weights = scores.add(bias).softmax(-1).toType(value.getDataType(), false);
    NDArray context =
        dev.ovid.model.core.Autocast.matMul(weights, value)
            .transpose(0, 2, 1, 3)
            .reshape(batch, -1, heads * dKv);
    return linear(context, o);
  }

  private NDArray split(NDArray projected, long batch) {
    return projected.reshape(batch, -1, heads, dKv).transpose(0, 2, 1, 3);
  }
}
