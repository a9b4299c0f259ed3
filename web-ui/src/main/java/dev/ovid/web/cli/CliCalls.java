package dev.ovid.web.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** What every REST-calling subcommand shares: an API error is one line and exit code 1. */
final class CliCalls {
  private CliCalls() {}

  /** Runs a call, printing a one-line error (exit 1) instead of a stack trace. */
  static int guarded(CommandSpec spec, Callable<Integer> call) throws Exception {
    try {
      return call.call();
    } catch (OvidApiClient.CliException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }
}
