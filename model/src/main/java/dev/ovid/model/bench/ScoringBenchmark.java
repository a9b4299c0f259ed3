package dev.ovid.model.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.embeddings.LabelScorer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bin/ovid bench scoring}: label scoring (s = V Lᵀ through {@link LabelScorer}) of one video
 * against 100,000 labels and of 10,000 videos × 10,000 labels, as a fraction of this machine's
 * sgemm peak measured in the same run (a square float32 matrix product through the same libtorch).
 * Also the bfloat16 variants against the bf16 GEMM peak, and the scalar Java loop that {@link
 * dev.ovid.model.embeddings.LabelEmbeddingDatabase#similarities} runs, for comparison.
 *
 * <p>One video against many labels is a matrix-vector product: it reads every label once and does
 * two flops per value read, so memory bandwidth, not arithmetic, bounds it; its line also gives the
 * GB/s it reached.
 */
public final class ScoringBenchmark {
  private ScoringBenchmark() {}

  /**
   * One measured case: its timings, and from the best repetition (as for the peaks) GFLOP/s, the
   * fraction of its peak and the GB/s of embeddings read.
   */
  public record Case(String name, Timings ms, double gflops, double peakFraction, double gbps) {}

  public record Result(int threads, int dimension, Map<String, Double> peaks, List<Case> cases) {
    public void print(PrintStream out) {
      out.printf("threads %d, embedding dimension %d%n", threads, dimension);
      peaks.forEach((k, v) -> out.printf("peak %-40s %,9.1f GFLOP/s (best of the reps)%n", k, v));
      for (Case c : cases) {
        out.printf(
            "%-44s %s  best %,9.1f GFLOP/s  %5.1f %% of peak  %,6.1f GB/s read%n",
            c.name(), c.ms().describe(), c.gflops(), 100 * c.peakFraction(), c.gbps());
      }
    }
  }

  /**
   * @param dimension embedding width (512 for CLIP ViT-B/16)
   * @param reps timed repetitions per case (after one warm-up)
   * @param scalar also time the scalar Java loop for one video against all labels
   */
  public static Result run(int threads, int dimension, int reps, boolean scalar, PrintStream log) {
    Device device = dev.ovid.model.weights.Devices.best();
    Map<String, Double> peaks = new LinkedHashMap<>();
    List<Case> cases = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager(device)) {
      int n = 2048;
      double squareFlops = 2.0 * n * n * n;
      NDArray a = random(m, n, n, 1);
      NDArray b = random(m, n, n, 2);
      Timings sgemm = time(reps, () -> a.matMul(b), log, "sgemm " + n);
      peaks.put("sgemm (float32, " + n + "^3)", squareFlops / sgemm.min() / 1e6);
      NDArray a16 = Autocast.bf16(a);
      NDArray b16 = Autocast.bf16(b);
      Timings bgemm = time(reps, () -> a16.matMul(b16), log, "bf16 gemm " + n);
      peaks.put("bf16 gemm (" + n + "^3)", squareFlops / bgemm.min() / 1e6);
      double fp32Peak = peaks.values().iterator().next();
      double bf16Peak = squareFlops / bgemm.min() / 1e6;

      int[][] shapes = {{1, 100_000}, {10_000, 10_000}};
      for (int[] shape : shapes) {
        int videos = shape[0];
        int labels = shape[1];
        float[] rows = randomUnitRows(labels, dimension, 3);
        NDArray v = random(m, videos, dimension, 4);
        for (Precision p : new Precision[] {Precision.FP32, Precision.BF16}) {
          try (LabelScorer scorer = LabelScorer.of(rows, labels, dimension, device, p)) {
            String name =
                String.format(
                    "%,d video%s x %,d labels, %s",
                    videos, videos == 1 ? "" : "s", labels, p.label());
            Timings t = time(reps, () -> scorer.scores(v), log, name);
            double flops = 2.0 * videos * labels * dimension;
            double bytes =
                (double) labels * dimension * (p == Precision.BF16 ? 2 : 4)
                    + (double) videos * dimension * 4;
            // Best of the repetitions, like the peak: on a shared machine the minimum is the run
            // least disturbed by other processes.
            double gflops = flops / t.min() / 1e6;
            cases.add(
                new Case(
                    name,
                    t,
                    gflops,
                    gflops / (p == Precision.BF16 ? bf16Peak : fp32Peak),
                    bytes / t.min() / 1e6));
          }
        }
        if (scalar && videos == 1) {
          float[][] video = {v.toFloatArray()};
          float[][] label = new float[labels][];
          for (int l = 0; l < labels; l++) {
            label[l] = java.util.Arrays.copyOfRange(rows, l * dimension, (l + 1) * dimension);
          }
          List<Double> ms = new ArrayList<>();
          for (int r = 0; r <= reps; r++) {
            long t0 = System.nanoTime();
            double sink = 0;
            for (float[] row : label) {
              double dot = 0;
              for (int k = 0; k < dimension; k++) {
                dot += (double) row[k] * video[0][k];
              }
              sink += dot;
            }
            if (r > 0) {
              ms.add((System.nanoTime() - t0) / 1e6);
            }
            if (Double.isNaN(sink)) {
              throw new IllegalStateException("NaN score");
            }
          }
          Timings t = Timings.of(ms);
          double gflops = 2.0 * labels * dimension / t.min() / 1e6;
          cases.add(
              new Case(
                  "1 video x " + String.format("%,d", labels) + " labels, Java scalar loop",
                  t,
                  gflops,
                  gflops / fp32Peak,
                  (double) labels * dimension * 4 / t.min() / 1e6));
        }
      }
    }
    return new Result(threads, dimension, peaks, cases);
  }

  /** {@code [threads [dimension [reps]]]}: what {@code bin/ovid bench scoring} runs. */
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    run(
            threads,
            args.length > 1 ? Integer.parseInt(args[1]) : 512,
            args.length > 2 ? Integer.parseInt(args[2]) : 5,
            true,
            System.err)
        .print(System.out);
  }

  private static Timings time(int reps, Supplier<NDArray> op, PrintStream log, String name) {
    List<Double> ms = new ArrayList<>();
    for (int r = 0; r <= reps; r++) {
      long t0 = System.nanoTime();
      try (NDArray out = op.get()) {
        // The product is lazy nowhere in libtorch's eager mode; reading one value syncs a GPU.
        Autocast.fp32(out.get(0).get(0)).getFloat();
      }
      double elapsed = (System.nanoTime() - t0) / 1e6;
      if (r > 0) {
        ms.add(elapsed);
      }
    }
    Timings t = Timings.of(ms);
    log.printf("%s: %s%n", name, t.describe());
    return t;
  }

  private static NDArray random(NDManager m, int rows, int cols, long stream) {
    return Tensors.normal(m, new Shape(rows, cols), 1.0, new CounterRandom(17, stream));
  }

  private static float[] randomUnitRows(int rows, int dimension, long stream) {
    CounterRandom random = new CounterRandom(17, stream);
    float[] out = new float[rows * dimension];
    for (int r = 0; r < rows; r++) {
      double norm = 0;
      for (int k = 0; k < dimension; k++) {
        float x = (float) random.nextGaussian();
        out[r * dimension + k] = x;
        norm += x * x;
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int k = 0; k < dimension; k++) {
        out[r * dimension + k] *= inv;
      }
    }
    return out;
  }
}
