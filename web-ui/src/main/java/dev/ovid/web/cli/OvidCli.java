package dev.ovid.web.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bin/ovid} commands that act on a running Ovid, through its REST API only. It runs as a
 * plain Java program on the control plane's class path; commands that compute locally with model
 * code (evaluate, vocab curate) live in the worker's {@code LocalCli}, and {@code bin/ovid --help}
 * lists both.
 */
@Command(
    name = "ovid",
    mixinStandardHelpOptions = true,
    version = "ovid 0.1.0",
    description =
        "Commands that act on a running Ovid through its REST API (--url, --user, --password).",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      DatasetCommand.class,
      BenchmarkCommand.class,
      AuditCommand.class,
      UsersCommand.class,
      ClassifyCommand.class,
      VocabCommand.class,
      ScheduleCommand.class
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
