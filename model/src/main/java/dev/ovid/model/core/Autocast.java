package dev.ovid.model.core;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Mixed-precision building blocks. DJL 0.35.1's PyTorch JNI knows no bfloat16 data type: {@code
 * toType(BFLOAT16)}, {@code softmax} and {@code full} on a bfloat16 tensor abort the JVM in native
 * code, and a bfloat16 tensor reports {@link DataType#UNKNOWN}. So a float32 → bfloat16 cast runs a
 * one-line TorchScript module ({@code to_bf16.pt}, made by {@code model/scripts/make_bf16_cast.py})
 * whose result does not carry gradients; bfloat16 is therefore used only where no gradient flows
 * (the frozen CLIP vision tower), and the rules below keep every other path float32.
 */
public final class Autocast {
  private static volatile Block toBf16;
  // Held for the life of the process: the block is released when its model is collected.
  private static Model castModel;

  private Autocast() {}

  /** True for bfloat16 tensors (which DJL reports as UNKNOWN). */
  public static boolean isLow(NDArray x) {
    DataType t = x.getDataType();
    return t == DataType.BFLOAT16 || t == DataType.UNKNOWN;
  }

  /** A bfloat16 copy of {@code x} (no gradient flows back through it). */
  public static NDArray bf16(NDArray x) {
    if (isLow(x)) {
      return x;
    }
    return castModule()
        .forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
        .singletonOrThrow();
  }

  /** {@code x} in float32 (differentiable). */
  public static NDArray fp32(NDArray x) {
    return x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
  }

  /**
   * {@code x Wᵀ + b} in the activation's precision: a bfloat16 activation meets bfloat16 weights
   * (the frozen tower stores them so); a float32 activation (a gradient path) gets float32 weights,
   * widened per call when stored in bfloat16. {@code bias} may be null.
   */
  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    NDArray w = weight;
    NDArray b = bias;
    if (!isLow(x)) {
      w = fp32(weight);
      b = bias == null ? null : fp32(bias);
    }
    return (b == null ? Linear.linear(x, w) : Linear.linear(x, w, b)).singletonOrThrow();
  }

  /**
   * Softmax over the last axis with float32 statistics; a bfloat16 input gives a bfloat16 result
   * (DJL's softmax cannot take bfloat16).
   */
  public static NDArray softmax(NDArray scores) {
    if (!isLow(scores)) {
      return scores.softmax(-1);
    }
    return bf16(scores.toType(DataType.FLOAT32, false).softmax(-1));
  }

  private static Block castModule() {
    Block b = toBf16;
    if (b == null) {
      synchronized (Autocast.class) {
        b = toBf16;
        if (b == null) {
          Model model = Model.newInstance("ovid-to-bf16");
          try (InputStream in = Autocast.class.getResourceAsStream("to_bf16.pt")) {
            if (in == null) {
              throw new IllegalStateException("to_bf16.pt is missing from the model jar");
            }
            model.load(in);
          } catch (IOException | ai.djl.MalformedModelException e) {
            throw new UncheckedIOException(
                "cannot load the bfloat16 cast module", new IOException(e));
          }
          castModel = model;
          b = model.getBlock();
          toBf16 = b;
        }
      }
    }
    return b;
  }
}
