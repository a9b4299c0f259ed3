package dev.ovid.activities.cli;

import dev.ovid.model.bench.ModelBenchmark;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid bench model}: times a training step and video inference of the paper's model in Ovid
 * and in PyTorch, alternating, from the same random weights and inputs ({@link ModelBenchmark}).
 * {@code bin/ovid} creates the PyTorch venv and passes it in {@code OVID_BENCH_PYTHON}.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "Times a training step and video inference (2 videos x 8 frames, temporal branch T=4,"
          + " learnable LLM prompts) in Ovid and in PyTorch (float32), alternating, and label"
          + " encoding in labels/s.",
      "base: CLIP ViT-B/16 shapes and a Flan-T5-small-shaped LLM, random weights."
    })
public final class BenchModelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--size", defaultValue = "base", description = "tiny or base (default base).")
  String size;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Intra-op threads on both sides (default: the number of cores).")
  int threads;

  @Option(
      names = "--precision",
      defaultValue = "fp32",
      description =
          "Ovid's precision: fp32, bf16 or fp16 (fp16: loss scaling; PyTorch always runs fp32).")
  String precision;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda (default cpu).")
  String device;

  @Option(names = "--steps", defaultValue = "5", description = "Timed steps per side.")
  int steps;

  @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps per side first.")
  int warmup;

  @Option(names = "--no-labels", description = "Skip the labels/s measurement.")
  boolean noLabels;

  @Option(
      names = "--infer-only",
      description = "Time inference only (train_ms and train_ratio are null).")
  boolean inferOnly;

  @Option(
      names = "--python",
      description = "Python with torch and transformers (default: $OVID_BENCH_PYTHON).")
  Path python;

  @Option(
      names = "--work-dir",
      description = "Random checkpoints and inputs (default: $OVID_HOME/.ovid/bench).")
  Path workDir;

  @Option(names = "--json", description = "Print the summary as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    if (python == null) {
      String env = System.getenv("OVID_BENCH_PYTHON");
      if (env == null || env.isBlank()) {
        spec.commandLine()
            .getErr()
            .println("no PyTorch: pass --python or set OVID_BENCH_PYTHON (bin/ovid does)");
        return 2;
      }
      python = Path.of(env);
    }
    if (workDir == null) {
      String home = System.getenv().getOrDefault("OVID_HOME", ".");
      workDir = Path.of(home, ".ovid", "bench");
    }
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    // Read once when the engine starts, which happens below.
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    System.setProperty("ovid.device", device);
    ModelBenchmark.Result result =
        ModelBenchmark.run(
            new ModelBenchmark.Options(
                size, n, precision, device, python, workDir, warmup, steps, !noLabels, !inferOnly),
            json ? System.err : out);
    result.print(out);
    if (json) {
      out.println(result.summary());
    }
    return 0;
  }
}
