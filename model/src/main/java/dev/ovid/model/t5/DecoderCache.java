package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys and values of the positions decoded so far, per decoder layer, plus the encoder's projected
 * keys and values (computed once): greedy decoding then costs one position per step.
 */
final class DecoderCache {
  private final List<Layer> layers = new ArrayList<>();
  private final NDArray crossBias;
  private int length;

  DecoderCache(List<NDArray[]> crossKeysAndValues, NDArray crossBias) {
    for (NDArray[] kv : crossKeysAndValues) {
      layers.add(new Layer(kv[0], kv[1]));
    }
    this.crossBias = crossBias;
  }

  int length() {
    return length;
  }

  void advance() {
    length++;
  }

  Layer layer(int index) {
    return layers.get(index);
  }

  NDArray crossBias() {
    return crossBias;
  }

  /** One layer's cache: self-attention keys/values [B, H, t, dKv] and cross-attention ones. */
  static final class Layer {
    private final NDArray crossKeys;
    private final NDArray crossValues;
    private NDArray keys;
    private NDArray values;

    Layer(NDArray crossKeys, NDArray crossValues) {
      this.crossKeys = crossKeys;
      this.crossValues = crossValues;
    }

    void append(NDArray newKeys, NDArray newValues) {
      keys = keys == null ? newKeys : keys.concat(newKeys, 2);
      values = values == null ? newValues : values.concat(newValues, 2);
    }

    NDArray keys() {
      return keys;
    }

    NDArray values() {
      return values;
    }

    NDArray crossKeys() {
      return crossKeys;
    }

    NDArray crossValues() {
      return crossValues;
    }
  }
}
