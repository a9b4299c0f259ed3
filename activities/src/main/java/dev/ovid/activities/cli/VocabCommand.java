package dev.ovid.activities.cli;

import dev.ovid.activities.cli.vocab.VocabCurateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ovid vocab}: vocabulary tools; without a subcommand prints its usage. */
@Command(
    name = "vocab",
    mixinStandardHelpOptions = true,
    description = "Vocabulary tools that run locally (YouTube-8M curation).",
    subcommands = {VocabCurateCommand.class})
public final class VocabCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
