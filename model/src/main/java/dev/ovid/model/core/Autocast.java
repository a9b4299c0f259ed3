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
 * one-line TorchScript module ({@code to_bf16.pt}, made by {@code
 * model/scripts/make_bf16_cast.py}).
 *
 * <p>Its result carries no autograd history: DJL runs TorchScript so that the output is an
 * inference tensor with no {@code grad_fn} (the same module in Python records {@code
 * ToCopyBackward}); {@code AutocastTest} checks this. So no gradient can flow from a bfloat16
 * product back into a float32 value, and bfloat16 is used where no gradient flows: the frozen CLIP
 * vision tower (weights stored in bfloat16, activations bfloat16 between products) and, inside
 * {@link #enable}, inference of the float32 parts (temporal branch, prompt transformer, T5 and text
 * tower at evaluation, expansion and classification), whose {@link #linear} and {@link #matMul}
 * then cast operands to bfloat16, multiply, and hand a float32 result on. Layer norms, softmax,
 * residual sums and reductions stay float32. Training keeps the trainable parts' products in
 * float32.
 *
 * <p>What does run on bfloat16 through DJL 0.35.1 (checked in {@code AutocastTest}): {@code
 * linear}, {@code matMul}, {@code add}, {@code sub}, {@code mul}, {@code div}, {@code exp}, {@code
 * erf}, {@code tanh}, {@code sigmoid}, {@code sum}, {@code max}, {@code layerNorm} (float32 gamma
 * and beta), {@code concat}, indexing, {@code transpose}/{@code reshape} and {@code
 * toType(FLOAT32)}. Their backward pass does not: a {@code duplicate()} of a cast result is an
 * ordinary tensor that accepts {@code setRequiresGradient}, yet a loss computed from it (linear,
 * softmax from exp/sum, layer norm, widened to float32) still has no {@code grad_fn}. So bfloat16
 * training of the trainable parts needs a DJL whose JNI handles bfloat16, not more code here.
 */
public final class Autocast {
  private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> false);

  private static volatile Block toBf16;
  // Held for the life of the process: the block is released when its model is collected.
  private static Model castModel;

  private Autocast() {}

  /** Restores the previous autocast state of this thread when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Float32 products in bfloat16 on this thread until the scope closes ({@code on == false}: a
   * scope that changes nothing, so callers can pass their precision test straight in). Only where
   * no gradient is needed: the bfloat16 casts carry none.
   */
  public static Scope enable(boolean on) {
    boolean before = ENABLED.get();
    ENABLED.set(before || on);
    return () -> ENABLED.set(before);
  }

  /** True inside {@link #enable}. */
  public static boolean enabled() {
    return ENABLED.get();
  }

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
    if (!isLow(x) && enabled()) {
      NDArray lx = bf16(x);
      NDArray lw = bf16(weight);
      NDArray out =
          bias == null
              ? Linear.linear(lx, lw).singletonOrThrow()
              : Linear.linear(lx, lw, bf16(bias)).singletonOrThrow();
      return fp32(out);
    }
    if (!isLow(x)) {
      w = fp32(weight);
      b = bias == null ? null : fp32(bias);
    }
    return (b == null ? Linear.linear(x, w) : Linear.linear(x, w, b)).singletonOrThrow();
  }

  /**
   * {@code a × b}: inside {@link #enable}, float32 operands are multiplied in bfloat16 and the
   * result comes back float32; otherwise a plain product in the operands' own precision.
   */
  public static NDArray matMul(NDArray a, NDArray b) {
    if (enabled() && !isLow(a) && !isLow(b)) {
      return fp32(bf16(a).matMul(bf16(b)));
    }
    return a.matMul(b);
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
