package dev.ovid.activities.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/ovid} commands that compute on this machine with model code (the worker's jar),
 * without booting Quarkus or talking to a running Ovid. {@code bin/ovid} routes them here; every
 * other command goes to the control plane's client.
 */
@Command(
    name = "ovid",
    mixinStandardHelpOptions = true,
    version = "ovid 0.1.0",
    description = "Local commands: they run model and data code on this machine.",
    subcommands = {
      CommandLine.HelpCommand.class,
      EvaluateCommand.class,
      VocabCommand.class,
      AnnotationsCommand.class,
      BenchCommand.class,
      ExperimentCommand.class
    })
public final class LocalCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalCli()).execute(args));
  }
}
