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
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling (what {@link #main} runs). */
  static CommandLine commandLine() {
    return new CommandLine(new LocalCli()).setExecutionExceptionHandler(LocalCli::reportError);
  }

  /**
   * A wrong setting or argument found while running (IllegalArgumentException, e.g. an unknown
   * size; IllegalStateException, e.g. CUDA asked for without a GPU) is the user's to fix: one line
   * on stderr, exit code 2. Anything else is a bug: its stack trace, exit code 1.
   */
  static int reportError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      cmd.getErr().println("error: " + e.getMessage());
      return 2;
    }
    e.printStackTrace(cmd.getErr());
    return 1;
  }
}
