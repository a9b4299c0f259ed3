package dev.ovid.activities.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.metrics.Evaluation;
import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.model.metrics.MultiLabelMetrics;
import dev.ovid.model.metrics.ThresholdF1;
import dev.ovid.model.metrics.io.DecisionCsvReader;
import dev.ovid.model.metrics.io.MetricsInputException;
import dev.ovid.model.metrics.io.MissingPositivePolicy;
import dev.ovid.model.metrics.plot.MetricPlots;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid evaluate}: the paper's metrics for one dataset from two CSV files, offline. Exit
 * codes: 0 done, 2 bad input (the message names the file and line), 1 any other I/O failure.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Computes AUPR, mAP, peak F1 (with its threshold) and YouTube-8M GAP@20 from scores and"
          + " ground-truth labels.",
      "Scores CSV header: video_id,label,score (one row per decision).",
      "Labels CSV header: video_id,label (the positives)."
    },
    exitCodeOnInvalidInput = 2)
public final class EvaluateCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;
  private static final int PLOT_POINTS = 500;

  @Spec CommandSpec spec;

  @Option(names = "--scores", required = true, paramLabel = "S.csv", description = "Scores file.")
  Path scores;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "L.csv",
      description = "Positives file.")
  Path labels;

  @Option(
      names = "--json",
      description = "Also print the metrics as one JSON object on the last line.")
  boolean json;

  @Option(
      names = "--missing-positives",
      paramLabel = "POLICY",
      defaultValue = "ERROR",
      description =
          "A positive with no score row: ERROR (default) rejects the input; COUNT_AS_MISSED"
              + " counts it as never retrieved.")
  MissingPositivePolicy missingPositives;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "Also report F1 when scores >= T are positive.")
  Double threshold;

  @Option(
      names = "--plots",
      paramLabel = "DIR",
      description = "Write pr_curve.svg and f1_threshold.svg into DIR.")
  Path plotDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      MultiLabelDecisions decisions = DecisionCsvReader.read(scores, labels, missingPositives);
      Evaluation e = MultiLabelMetrics.evaluate(decisions);
      ThresholdF1 peak = e.curve().peakF1();
      out.printf(
          Locale.ROOT,
          "Evaluated %d decisions: %d videos, %d labels, %d positives%s%n",
          e.decisions(),
          e.videos(),
          e.labels(),
          e.positives(),
          decisions.totalUnscoredPositives() > 0
              ? " (" + decisions.totalUnscoredPositives() + " never scored, counted as missed)"
              : "");
      out.printf(Locale.ROOT, "  AUPR     %.6f%n", e.aupr());
      out.printf(
          Locale.ROOT,
          "  mAP      %.6f  over %d labels with positives%n",
          e.map(),
          e.perClassAp().size());
      out.printf(
          Locale.ROOT,
          "  peak F1  %.6f  at threshold %s (precision %.4f, recall %.4f)%n",
          e.peakF1(),
          e.peakF1Threshold(),
          peak.precision(),
          peak.recall());
      out.printf(Locale.ROOT, "  GAP@20   %.6f%n", e.gap20());
      ThresholdF1 fixed = threshold == null ? null : e.curve().atThreshold(threshold);
      if (fixed != null) {
        out.printf(
            Locale.ROOT,
            "  F1 at %s  %.6f (precision %.4f, recall %.4f)%n",
            threshold,
            fixed.f1(),
            fixed.precision(),
            fixed.recall());
      }
      if (plotDir != null) {
        Files.createDirectories(plotDir);
        Files.writeString(
            plotDir.resolve("pr_curve.svg"),
            MetricPlots.precisionRecall(e.curve().prSeries(PLOT_POINTS), "Precision-recall"));
        Files.writeString(
            plotDir.resolve("f1_threshold.svg"),
            MetricPlots.f1VsThreshold(e.curve().f1Series(PLOT_POINTS), "F1 vs threshold"));
        out.println(
            "  plots    "
                + plotDir.resolve("pr_curve.svg")
                + ", "
                + plotDir.resolve("f1_threshold.svg"));
      }
      if (json) {
        out.println(toJson(e, fixed));
      }
      out.flush();
      return 0;
    } catch (MetricsInputException bad) {
      err.println("ovid evaluate: bad input: " + bad.getMessage());
      err.flush();
      return BAD_INPUT;
    } catch (IOException io) {
      err.println("ovid evaluate: " + io.getMessage());
      err.flush();
      return 1;
    }
  }

  private static String toJson(Evaluation e, ThresholdF1 fixed) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("aupr", e.aupr());
    o.put("map", e.map());
    o.put("peak_f1", e.peakF1());
    if (Double.isFinite(e.peakF1Threshold())) {
      o.put("peak_f1_threshold", e.peakF1Threshold());
    } else {
      o.putNull("peak_f1_threshold"); // no true positive at any threshold
    }
    o.put("gap20", e.gap20());
    if (fixed != null) {
      o.put("threshold", fixed.threshold());
      o.put("f1_at_threshold", fixed.f1());
    }
    o.put("decisions", e.decisions());
    o.put("positives", e.positives());
    o.put("videos", e.videos());
    o.put("labels", e.labels());
    return mapper.writeValueAsString(o);
  }
}
