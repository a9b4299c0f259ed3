package dev.ovid.activities.cli;

import dev.ovid.model.bench.ScoringBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ovid bench scoring}: label scoring of 1 video x 100,000 labels and 10,000 x 10,000 as a
 * fraction of this machine's sgemm peak, measured in the same run ({@link ScoringBenchmark}).
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = {
      "Times label scoring (one matrix product in libtorch) of 1 video x 100,000 labels and"
          + " 10,000 videos x 10,000 labels, float32 and bfloat16, against the sgemm and bf16"
          + " GEMM peaks measured in the same run."
    })
public final class BenchScoringCommand implements Callable<Integer> {

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Intra-op threads (default: the number of cores).")
  int threads;

  @Option(names = "--dimension", defaultValue = "512", description = "Embedding width.")
  int dimension;

  @Option(names = "--reps", defaultValue = "5", description = "Timed repetitions per case.")
  int reps;

  @Option(names = "--no-scalar", description = "Skip the scalar Java loop for comparison.")
  boolean noScalar;

  @Override
  public Integer call() {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    // Read once when the engine starts, which happens below.
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    ScoringBenchmark.run(n, dimension, reps, !noScalar, System.err).print(System.out);
    return 0;
  }
}
