package dev.ovid.activities.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ovid bench}: benchmarks that run on this machine; without a subcommand prints usage. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks that run locally (model vs PyTorch, label scoring vs sgemm peak, the video"
            + " loader's memory, the data path vs FFmpeg).",
    subcommands = {
      BenchModelCommand.class,
      BenchScoringCommand.class,
      BenchLoaderCommand.class,
      BenchDataCommand.class
    })
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
