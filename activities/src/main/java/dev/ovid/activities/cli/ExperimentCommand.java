package dev.ovid.activities.cli;

import dev.ovid.activities.cli.experiment.ShapesCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ovid experiment}: experiments that run on this machine; without a subcommand, usage. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Experiments that run locally (the paper's claims at CPU scale).",
    subcommands = {ShapesCommand.class})
public final class ExperimentCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
