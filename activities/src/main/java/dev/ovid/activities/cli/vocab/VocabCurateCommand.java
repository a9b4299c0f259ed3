package dev.ovid.activities.cli.vocab;

import dev.ovid.activities.curation.vocabulary.CurationJson;
import dev.ovid.activities.curation.vocabulary.CurationResult;
import dev.ovid.activities.curation.vocabulary.CurationRules;
import dev.ovid.activities.curation.vocabulary.VocabularyCurator;
import dev.ovid.activities.curation.vocabulary.VocabularyFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid vocab curate}: applies curation rules to a YouTube-8M {@code vocabulary.csv},
 * offline. Exit codes: 0 done, 2 bad input (the message names the file and line), 1 other I/O
 * failures. Output files are written only after curation succeeds, each through a temporary file
 * moved into place, so a failed run never leaves a half-written or clobbered file.
 */
@Command(
    name = "curate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Curates a YouTube-8M vocabulary.csv: drops unnamed labels, applies exclusion rules, then"
          + " a frequency cut, and reports what was removed and why.",
      "Rule order: empty name (always) > include list > exclude list > vertical > description"
          + " pattern > --min-train-videos / --top."
    },
    exitCodeOnInvalidInput = 2)
public final class VocabCurateCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--vocabulary",
      required = true,
      paramLabel = "F",
      description = "vocabulary.csv (Index,TrainVideoCount,KnowledgeGraphId,Name,...).")
  Path vocabulary;

  @Option(
      names = "--exclude-vertical",
      paramLabel = "V",
      description =
          "Remove labels with V in Vertical1, 2 or 3; 'Vertical1=V' checks one column. Repeatable.")
  List<String> excludeVerticals = new ArrayList<>();

  @Option(
      names = "--exclude-description-regex",
      paramLabel = "R",
      description = "Remove labels whose WikiDescription matches R (Java regex, find). Repeatable.")
  List<String> excludeDescriptionRegexes = new ArrayList<>();

  @Option(
      names = "--include",
      paramLabel = "NAME",
      description = "Always keep this name or Knowledge Graph id (unless unnamed). Repeatable.")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "NAME",
      description = "Always remove this name or Knowledge Graph id. Repeatable.")
  List<String> exclude = new ArrayList<>();

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  FrequencyCut cut;

  /** The two frequency cuts are mutually exclusive. */
  static final class FrequencyCut {
    @Option(
        names = "--min-train-videos",
        paramLabel = "N",
        description = "Keep labels with TrainVideoCount >= N.")
    Long minTrainVideos;

    @Option(names = "--top", paramLabel = "N", description = "Keep the N most frequent labels.")
    Integer top;
  }

  @Option(
      names = "--output",
      paramLabel = "curated.csv",
      description = "Write the curated vocabulary (original columns + CuratedIndex).")
  Path output;

  @Option(
      names = "--report",
      paramLabel = "report.json",
      description = "Write the full report (rules, counts, removed names) as JSON.")
  Path report;

  @Option(names = "--json", description = "Print a JSON summary as the last line.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      CurationRules rules =
          new CurationRules(
              excludeVerticals,
              excludeDescriptionRegexes,
              include,
              exclude,
              cut == null ? null : cut.minTrainVideos,
              cut == null ? null : cut.top);
      if (!Files.isRegularFile(vocabulary)) {
        throw new NoSuchFileException(vocabulary.toString(), null, "no such vocabulary file");
      }
      CurationResult result = VocabularyCurator.curate(vocabulary, rules);
      if (output != null) {
        CurationOutputs.writeCuratedCsv(result.vocabulary(), output);
      }
      if (report != null) {
        CurationOutputs.writeAtomically(report, CurationJson.toJson(result.report()));
      }
      CurationSummary.printTable(result.report(), output, report, out);
      if (json) {
        out.println(CurationSummary.toJsonLine(result.report(), output, report));
      }
      out.flush();
      return 0;
    } catch (VocabularyFormatException | IllegalArgumentException bad) {
      err.println("ovid vocab curate: bad input: " + bad.getMessage());
      err.flush();
      return BAD_INPUT;
    } catch (NoSuchFileException missing) {
      err.println("ovid vocab curate: bad input: " + missing.getFile() + ": no such file");
      err.flush();
      return BAD_INPUT;
    } catch (IOException | UncheckedIOException io) {
      err.println("ovid vocab curate: " + io.getMessage());
      err.flush();
      return 1;
    }
  }
}
