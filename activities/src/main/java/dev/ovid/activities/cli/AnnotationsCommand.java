package dev.ovid.activities.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ovid annotations}: public annotation files; without a subcommand prints its usage. */
@Command(
    name = "annotations",
    mixinStandardHelpOptions = true,
    description = "Public annotation files (Kinetics, ActivityNet, TAO, RareAct, YouTube-8M).",
    subcommands = {AnnotationsInspectCommand.class})
public final class AnnotationsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
