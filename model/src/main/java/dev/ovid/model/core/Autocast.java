package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * Mixed-precision building blocks: PyTorch's autocast written by hand, since DJL has none. The low
 * type is bfloat16 under {@link Precision#BF16} and float16 under {@link Precision#FP16} (the same
 * rules; float16 adds loss scaling in the trainer, see {@code LossScaler}); "bfloat16" below stands
 * for whichever is enabled.
 *
 * <p>DJL 0.35.1's PyTorch JNI knows no bfloat16 data type ({@code toType(BFLOAT16)}, {@code
 * softmax} and {@code full} on a bfloat16 tensor abort the JVM in native code, and a bfloat16
 * tensor reports {@link DataType#UNKNOWN}), and its {@code toType} runs under a no-grad guard, so
 * no DJL cast carries a gradient. The casts therefore run one-line TorchScript modules ({@code
 * to_bf16.pt}, {@code to_fp16.pt}, {@code to_fp32.pt}, see {@link TorchScriptOp}), which record
 * {@code ToCopyBackward} inside a gradient collector like {@code x.to(torch.bfloat16)} in Python.
 *
 * <p>Inside {@link #enable}, {@link #linear} and {@link #matMul} cast float32 operands (activations
 * and float32 master weights alike) to bfloat16, multiply, and hand a float32 result on; layer
 * norms, softmax, residual sums, reductions and the loss stay float32, and the gradients of float32
 * master weights arrive in float32 through the casts. Frozen weights stored in bfloat16 (see {@link
 * Precision}) are used as they are.
 *
 * <p>What runs on bfloat16 tensors through DJL 0.35.1, forward and backward (checked in {@code
 * AutocastTest}): {@code linear}, {@code matMul}, {@code add}, {@code sub}, {@code mul}, {@code
 * div}, {@code exp}, {@code erf}, {@code tanh}, {@code sigmoid}, {@code sum}, {@code max}, {@code
 * layerNorm} (float32 gamma and beta), {@code concat}, indexing and {@code transpose}/{@code
 * reshape}.
 */
public final class Autocast {
  /** The low type products run in on this thread (BFLOAT16 or FLOAT16), or null: float32. */
  private static final ThreadLocal<DataType> LOW = new ThreadLocal<>();

  private static final TorchScriptOp TO_BF16 = new TorchScriptOp("to_bf16.pt");
  private static final TorchScriptOp TO_FP16 = new TorchScriptOp("to_fp16.pt");
  private static final TorchScriptOp TO_FP32 = new TorchScriptOp("to_fp32.pt");
  private static final TorchScriptOp ATTENTION = new TorchScriptOp("attention.pt");
  private static final TorchScriptOp MASKED_ATTENTION = new TorchScriptOp("masked_attention.pt");

  private Autocast() {}

  /** Restores the previous autocast state of this thread when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Float32 products in bfloat16 on this thread until the scope closes ({@code on == false}: a
   * scope that changes nothing, so callers can pass their precision test straight in). Works inside
   * a gradient collector as well: gradients flow back through the casts.
   */
  public static Scope enable(boolean on) {
    return enable(on ? Precision.BF16 : Precision.FP32);
  }

  /**
   * Float32 products in {@code precision}'s low type (bfloat16 or float16) on this thread until the
   * scope closes; FP32 changes nothing, and an enclosing scope's type wins.
   */
  public static Scope enable(Precision precision) {
    DataType before = LOW.get();
    if (before == null) {
      LOW.set(precision.lowType());
    }
    return () -> LOW.set(before);
  }

  /**
   * Float32 products on this thread until the scope closes, inside {@link #enable} too: for
   * computations whose discrete decisions bfloat16 rounding would flip (an LLM's greedy choice).
   */
  public static Scope suspend() {
    DataType before = LOW.get();
    LOW.remove();
    return () -> LOW.set(before);
  }

  /**
   * Float32 products inside a float16 {@link #enable} until the scope closes; bfloat16 stays on.
   * For models whose activations exceed float16's range (T5: its feed-forward outputs pass 65,504,
   * which is why Hugging Face keeps T5 out of fp16), while bfloat16 has float32's range.
   */
  public static Scope suspendFloat16() {
    DataType before = LOW.get();
    if (before == DataType.FLOAT16) {
      LOW.remove();
    }
    return () -> LOW.set(before);
  }

  /** True inside {@link #enable}. */
  public static boolean enabled() {
    return LOW.get() != null;
  }

  /** The low type of this thread's {@link #enable} (BFLOAT16 or FLOAT16), or null outside one. */
  public static DataType lowType() {
    return LOW.get();
  }

  /** True for bfloat16 tensors (which DJL reports as UNKNOWN) and float16 ones. */
  public static boolean isLow(NDArray x) {
    DataType t = x.getDataType();
    return t == DataType.BFLOAT16 || t == DataType.UNKNOWN || t == DataType.FLOAT16;
  }

  /** {@code x} in bfloat16; differentiable while gradients are being recorded. */
  public static NDArray bf16(NDArray x) {
    return to(x, DataType.BFLOAT16);
  }

  /** {@code x} in float16; differentiable while gradients are being recorded. */
  public static NDArray fp16(NDArray x) {
    return to(x, DataType.FLOAT16);
  }

  /**
   * {@code x} in {@code low} (BFLOAT16 or FLOAT16), through float32 when it is in the other low
   * type; differentiable while gradients are being recorded.
   */
  public static NDArray to(NDArray x, DataType low) {
    boolean bf16 = low == DataType.BFLOAT16;
    if (!bf16 && low != DataType.FLOAT16) {
      throw new IllegalArgumentException("not a low-precision type: " + low);
    }
    DataType t = x.getDataType();
    boolean isBf16 = t == DataType.BFLOAT16 || t == DataType.UNKNOWN;
    if (bf16 ? isBf16 : t == DataType.FLOAT16) {
      return x;
    }
    NDArray wide = isLow(x) ? fp32(x) : x;
    return bf16 ? TO_BF16.apply(wide) : TO_FP16.apply(wide);
  }

  /**
   * {@code x} in {@code like}'s low type (as {@link #to}); {@code x} itself when {@code like} is
   * not low.
   */
  public static NDArray castLike(NDArray x, NDArray like) {
    return isLow(like) ? to(x, lowTypeOf(like)) : x;
  }

  private static DataType lowTypeOf(NDArray x) {
    return x.getDataType() == DataType.FLOAT16 ? DataType.FLOAT16 : DataType.BFLOAT16;
  }

  /**
   * {@code x} in float32; differentiable while gradients are being recorded. Other types (integer
   * indices, float64) go through DJL's own cast.
   */
  public static NDArray fp32(NDArray x) {
    if (x.getDataType() == DataType.FLOAT32) {
      return x;
    }
    return isLow(x) ? TO_FP32.apply(x) : x.toType(DataType.FLOAT32, false);
  }

  /**
   * Layer norm over {@code shape}, statistics in float32. libtorch's CPU kernel takes a bfloat16
   * activation with float32 gamma and beta as they are; its CUDA kernel wants one type (seen on an
   * H200 with libtorch 2.11), so on a GPU the mixed case widens to float32 and returns the
   * activation's type, as the CPU kernel does.
   */
  public static NDArray layerNorm(NDArray x, Shape shape, NDArray gamma, NDArray beta, float eps) {
    if (gamma.getDataType() == x.getDataType() || !x.getDevice().isGpu()) {
      return LayerNorm.layerNorm(x, shape, gamma, beta, eps).singletonOrThrow();
    }
    return widenedLayerNorm(x, shape, gamma, beta, eps);
  }

  static NDArray widenedLayerNorm(NDArray x, Shape shape, NDArray gamma, NDArray beta, float eps) {
    NDArray y =
        LayerNorm.layerNorm(fp32(x), shape, fp32(gamma), fp32(beta), eps).singletonOrThrow();
    return castLike(y, x);
  }

  /**
   * An activation about to feed several products (q, k and v, then the attention between them),
   * cast once: inside {@link #enable} a float32 activation becomes bfloat16, and those products
   * take their bfloat16 path with no cast in between; otherwise {@code x} itself. Forward values
   * are those of casting per product (a bfloat16 result widened to float32 and cast back is
   * unchanged) and two casts per product are saved; the one difference is that the gradients q, k
   * and v send back to {@code x} are summed in bfloat16 before the cast to float32. Pair with
   * {@link #like}.
   */
  public static NDArray operand(NDArray x) {
    DataType low = LOW.get();
    return low != null && !isLow(x) ? to(x, low) : x;
  }

  /** {@code y} in {@code input}'s precision: float32 again when the block's input was float32. */
  public static NDArray like(NDArray y, NDArray input) {
    return isLow(input) ? y : fp32(y);
  }

  /**
   * {@code x Wᵀ + b} in the activation's precision: a bfloat16 activation meets bfloat16 weights
   * (the frozen tower stores them so); a float32 activation (a gradient path) gets float32 weights,
   * widened per call when stored in bfloat16. {@code bias} may be null.
   */
  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    NDArray w = weight;
    NDArray b = bias;
    DataType low = LOW.get();
    if (!isLow(x) && low != null) {
      NDArray lx = to(x, low);
      NDArray lw = to(weight, low);
      NDArray out =
          bias == null
              ? Linear.linear(lx, lw).singletonOrThrow()
              : Linear.linear(lx, lw, to(bias, low)).singletonOrThrow();
      return fp32(out);
    }
    if (!isLow(x)) {
      w = fp32(weight);
      b = bias == null ? null : fp32(bias);
    } else {
      // A bfloat16 activation meeting float32 weights (layers kept float32 in a bfloat16 tower).
      w = castLike(weight, x);
      b = bias == null ? null : castLike(bias, x);
    }
    return (b == null ? Linear.linear(x, w) : Linear.linear(x, w, b)).singletonOrThrow();
  }

  /**
   * {@code a × b}: inside {@link #enable}, float32 operands are multiplied in bfloat16 and the
   * result comes back float32; otherwise a plain product in the operands' own precision.
   */
  public static NDArray matMul(NDArray a, NDArray b) {
    DataType low = LOW.get();
    if (low != null && !isLow(a) && !isLow(b)) {
      return fp32(to(a, low).matMul(to(b, low)));
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
    return castLike(fp32(scores).softmax(-1), scores);
  }

  /**
   * Multi-head attention {@code softmax(q kᵀ / √d + mask) v} over [B, H, T, d] inputs through
   * libtorch's fused {@code scaled_dot_product_attention} (forward and backward without the [T, T]
   * weights in memory). {@code mask} is additive, broadcastable to [B, H, T, T], or null. Inside
   * {@link #enable} float32 inputs are multiplied in bfloat16 and the result comes back float32;
   * bfloat16 inputs give a bfloat16 result; otherwise float32 throughout.
   */
  public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask) {
    DataType low = LOW.get();
    boolean mixed = low != null && !isLow(q);
    NDArray lq = mixed ? to(q, low) : q;
    NDArray lk = mixed ? to(k, low) : castLike(k, q);
    NDArray lv = mixed ? to(v, low) : castLike(v, q);
    NDArray out;
    if (isLow(lq) && !lq.getDevice().isGpu()) {
      out = lowPrecisionCpuAttention(lq, lk, lv, mask);
    } else {
      out = mask == null ? ATTENTION.apply(lq, lk, lv) : MASKED_ATTENTION.apply(lq, lk, lv, mask);
    }
    return mixed ? fp32(out) : out;
  }

  /**
   * {@code softmax(q kᵀ / √d + mask) v} as plain products on bfloat16/float16 inputs, softmax in
   * float32. On the CPU libtorch 2.7.1's fused (flash) kernel is far slower on such inputs than
   * these products, forward plus backward on 2 threads: 31.9 vs 4.7 ms for the text tower's [128,
   * 8, 10, 64], 65 vs 34 ms for the branch's spatial [16, 12, 198, 64], 30 vs 14 ms for its
   * temporal [392, 12, 8, 64] (in float32 the fused kernel is the faster one, and on a GPU it is
   * kept).
   */
  static NDArray lowPrecisionCpuAttention(NDArray q, NDArray k, NDArray v, NDArray mask) {
    int rank = k.getShape().dimension();
    long d = q.getShape().get(rank - 1);
    NDArray scores =
        Tensors.mul(q.matMul(k.swapAxes(rank - 1, rank - 2)), (float) (1 / Math.sqrt(d)));
    NDArray weights =
        mask == null ? softmax(scores) : castLike(fp32(scores).add(mask).softmax(-1), q);
    return weights.matMul(v);
  }
}
