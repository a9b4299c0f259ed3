package dev.ovid.activities.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.ovid.activities.curation.annotations.AnnotationFormat;
import dev.ovid.activities.curation.annotations.AnnotationFormatException;
import dev.ovid.activities.curation.annotations.Annotations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid annotations inspect}: reads a public annotation file and prints what it holds, so a
 * person checks it before registering a dataset. Exit 2 on a malformed file, naming file and line
 * or key.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Check an annotation file: videos, labels, positives, splits, missing videos.",
    exitCodeOnInvalidInput = 2)
public final class AnnotationsInspectCommand implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  static final int LISTED_MISSING = 20;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      description = "kinetics, activitynet, tao, rareact or yt8m-segments")
  String format;

  @Option(names = "--file", required = true, description = "the annotation file")
  Path file;

  @Option(
      names = "--video-root",
      description = "folder holding the videos by id: missing ones are counted and listed")
  Path videoRoot;

  @Option(
      names = "--json",
      description =
          "last line: {\"videos\": n, \"labels\": n, \"positives\": n, \"splits\": {\"<name>\": n}}")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AnnotationFormat f;
    try {
      f = AnnotationFormat.named(format);
    } catch (IllegalArgumentException e) {
      err.println("ovid annotations inspect: " + e.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    Annotations a;
    try {
      a = Annotations.read(f, file);
    } catch (AnnotationFormatException e) {
      err.println("ovid annotations inspect: bad input: " + e.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    out.printf("%s (%s)%n", file, f.cliName());
    out.printf("  videos     %d%n", a.videos().size());
    out.printf("  labels     %d%n", a.labels().size());
    out.printf("  positives  %d (distinct video-label pairs)%n", a.positives());
    a.splits().forEach((split, n) -> out.printf("  split      %s: %d%n", split, n));
    List<String> sample = a.labels().subList(0, Math.min(10, a.labels().size()));
    out.printf("  first labels %s%n", sample);
    if (videoRoot != null) {
      List<String> missing = a.missingVideos(videoRoot);
      out.printf(
          "  missing    %d of %d videos under %s%n", missing.size(), a.videos().size(), videoRoot);
      missing.stream().limit(LISTED_MISSING).forEach(id -> out.println("    missing " + id));
      if (missing.size() > LISTED_MISSING) {
        out.printf("    ... and %d more%n", missing.size() - LISTED_MISSING);
      }
    }
    if (json) {
      out.println(jsonLine(a));
    }
    out.flush();
    return 0;
  }

  /** The summary line, spaced exactly as documented. */
  static String jsonLine(Annotations a) {
    Map<String, Integer> splits = a.splits();
    String splitJson =
        splits.entrySet().stream()
            .map(e -> quote(e.getKey()) + ": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    return "{\"videos\": "
        + a.videos().size()
        + ", \"labels\": "
        + a.labels().size()
        + ", \"positives\": "
        + a.positives()
        + ", \"splits\": "
        + splitJson
        + "}";
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
