package dev.ovid.web.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/ovid} command line. It runs as a plain Java program on the application's class
 * path without booting Quarkus, so offline commands (evaluate, vocab curate) need no services.
 */
@Command(
    name = "ovid",
    mixinStandardHelpOptions = true,
    version = "ovid 0.1.0",
    description =
        "Open-vocabulary multi-label video classification: pipeline, curation, evaluation.",
    subcommands = {
      CommandLine.HelpCommand.class,
      EvaluateCommand.class,
      VocabCommand.class,
      DemoCommand.class,
      DatasetCommand.class
    })
public final class OvidCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new OvidCli()).execute(args));
  }
}
