package dev.ovid.model.core;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The numeric precision a model computes in. {@code BF16}: the frozen CLIP towers' weight matrices
 * are stored in bfloat16 (but the vision layers the temporal branch regularizes toward, see {@code
 * ClipModel.isBf16InMixedPrecision}) and every matrix product (linear maps, attention) of the CLIP
 * towers, the temporal branch, the prompt transformer and the LLM runs in bfloat16, the trainable
 * parts' from their float32 master weights; activations between products, layer-norm and softmax
 * statistics, reductions, the loss, gradients of the trainable weights and the optimizer state stay
 * float32 (what PyTorch's autocast does, written out by hand since DJL has none; see {@link
 * Autocast}). The LLM (T5) chooses its greedy tokens in float32: bfloat16 rounding flips them.
 *
 * <p>{@code FP16}: the same with float16 in place of bfloat16, for GPUs without bfloat16 (Volta,
 * Turing), plus dynamic loss scaling in the trainer ({@code LossScaler}): float16 has 3 more
 * significant bits than bfloat16 but a range that ends at 65,504 with gradients below 6e-8 lost, so
 * the loss is multiplied by a scale before backward and the gradients divided by it after, steps
 * whose gradients overflow are skipped. The LLM (T5) runs in float32 under FP16 (its activations
 * overflow float16); frozen CLIP towers are stored in float16 like in bfloat16 under BF16.
 */
public enum Precision {
  FP32,
  BF16,
  FP16;

  /** "fp32", "bf16", "fp16" or "auto" ({@link #defaultFor} the device). */
  public static Precision parse(String name, Device device) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "fp32", "float32" -> FP32;
      case "bf16", "bfloat16" -> BF16;
      case "fp16", "float16", "half" -> FP16;
      case "auto", "" -> defaultFor(device);
      default ->
          throw new IllegalArgumentException(
              "precision must be fp32, bf16, fp16 or auto, got '" + name + "'");
    };
  }

  /**
   * BF16 where the hardware computes it natively: a CUDA GPU of compute capability 8.0 or newer, or
   * a CPU with AVX512-BF16 or AMX. FP16 (with loss scaling) on CUDA GPUs of compute capability 7.x
   * (Volta, Turing: tensor cores for float16, none for bfloat16). FP32 elsewhere: older GPUs, and
   * CPUs without bfloat16, where emulated low precision would be slower than float32.
   */
  public static Precision defaultFor(Device device) {
    if (device.isGpu()) {
      return forComputeCapability(computeCapability(device));
    }
    return cpuHasBf16(Path.of("/proc/cpuinfo")) ? BF16 : FP32;
  }

  /** BF16 from compute capability 8.0 ("80"), FP16 for 7.x, FP32 below or when unknown. */
  static Precision forComputeCapability(String computeCapability) {
    if (gpuHasBf16(computeCapability)) {
      return BF16;
    }
    return gpuHasFp16(computeCapability) ? FP16 : FP32;
  }

  /** Ampere (compute capability 8.0) and newer compute bfloat16 natively. */
  static boolean gpuHasBf16(String computeCapability) {
    return capability(computeCapability) >= 80;
  }

  /** Volta (7.0) and newer have float16 tensor cores. */
  static boolean gpuHasFp16(String computeCapability) {
    return capability(computeCapability) >= 70;
  }

  private static int capability(String computeCapability) {
    try {
      return Integer.parseInt(computeCapability);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The type products run in: BFLOAT16, FLOAT16, or null for float32. */
  public DataType lowType() {
    return switch (this) {
      case FP32 -> null;
      case BF16 -> DataType.BFLOAT16;
      case FP16 -> DataType.FLOAT16;
    };
  }

  /** True for the mixed precisions (BF16, FP16). */
  public boolean isMixed() {
    return this != FP32;
  }

  private static String computeCapability(Device device) {
    try {
      return ai.djl.util.cuda.CudaUtils.getComputeCapability(device.getDeviceId());
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      // DJL asks libcudart through JNA, which pip's CUDA builds ship only as libcudart.so.<N>;
      // the driver's nvidia-smi answers too.
      return nvidiaSmiComputeCapability(device.getDeviceId());
    }
  }

  /** "90" for compute capability 9.0; "0" (fp32, the safe side) when nvidia-smi cannot tell. */
  static String nvidiaSmiComputeCapability(int deviceId) {
    try {
      Process p =
          new ProcessBuilder(
                  "nvidia-smi",
                  "--query-gpu=compute_cap",
                  "--format=csv,noheader",
                  "--id=" + deviceId)
              .redirectErrorStream(true)
              .start();
      String answer = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0) {
        return "0";
      }
      return parseComputeCapability(answer);
    } catch (IOException e) {
      return "0";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "0";
    }
  }

  /** nvidia-smi's "9.0" as DJL's "90"; "0" for anything else. */
  static String parseComputeCapability(String text) {
    return text.matches("\\d+\\.\\d") ? text.replace(".", "") : "0";
  }

  static boolean cpuHasBf16(Path cpuinfo) {
    try {
      if (!Files.isReadable(cpuinfo)) {
        return false;
      }
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("flags")) {
          String flags = " " + line.substring(line.indexOf(':') + 1).trim() + " ";
          return flags.contains(" avx512_bf16 ") || flags.contains(" amx_bf16 ");
        }
      }
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + cpuinfo, e);
    }
  }

  /** "fp32", "bf16" or "fp16", the run-parameter spelling. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
