package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ovid benchmark}: evaluate a model version on a benchmark suite; the leaderboard. */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Benchmark suites and the leaderboard on a running Ovid.",
    subcommands = {BenchmarkCommand.Run.class, BenchmarkCommand.Show.class})
public final class BenchmarkCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Evaluate a model version on a suite of benchmarks.")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--model-version", required = true, description = "model version id")
    long modelVersion;

    @Option(
        names = "--benchmark",
        required = true,
        description =
            "NAME=DATASET_VERSION_ID:VOCABULARY_ID[:EVAL_SPLIT[:CALIBRATION_SPLIT]], repeatable"
                + " (splits default to eval)")
    List<String> benchmarks;

    @Option(names = "--wait", description = "wait until the suite has finished, then show it")
    boolean await;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            List<Map<String, Object>> suite = new ArrayList<>();
            for (String b : benchmarks) {
              suite.add(parse(b));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("modelVersionId", modelVersion);
            body.put("benchmarks", suite);
            OvidApiClient client = api.client();
            JsonNode created = client.post("/api/benchmarks", body);
            long id = created.path("id").asLong();
            JsonNode shown = created;
            if (await) {
              while (shown.path("status").asText().equals("RUNNING")) {
                Thread.sleep(1000);
                shown = client.get("/api/benchmarks/" + id);
              }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
              out.println(JSON.writeValueAsString(shown));
            } else {
              printEvaluation(out, shown);
            }
            return await && !shown.path("status").asText().equals("SUCCEEDED") ? 1 : 0;
          });
    }

    static Map<String, Object> parse(String spec) {
      int eq = spec.indexOf('=');
      String[] ids = eq < 0 ? new String[0] : spec.substring(eq + 1).split(":");
      if (eq < 1 || ids.length < 2 || ids.length > 4) {
        throw new OvidApiClient.CliException(
            "--benchmark '"
                + spec
                + "': expected NAME=DATASET_VERSION_ID:VOCABULARY_ID[:EVAL[:CAL]]");
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("name", spec.substring(0, eq));
      try {
        b.put("datasetVersionId", Long.parseLong(ids[0]));
        b.put("vocabularyId", Long.parseLong(ids[1]));
      } catch (NumberFormatException e) {
        throw new OvidApiClient.CliException("--benchmark '" + spec + "': ids must be numbers");
      }
      if (ids.length > 2) b.put("evaluationSplit", ids[2]);
      if (ids.length > 3) b.put("calibrationSplit", ids[3]);
      return b;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One suite evaluation by id, or without an id the leaderboard.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", arity = "0..1", description = "evaluation id")
    Long id;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode node =
                api.client()
                    .get(id == null ? "/api/benchmarks/leaderboard" : "/api/benchmarks/" + id);
            if (json) {
              out.println(JSON.writeValueAsString(node));
            } else if (id == null) {
              printLeaderboard(out, node);
            } else {
              printEvaluation(out, node);
            }
            return 0;
          });
    }
  }

  static void printEvaluation(PrintWriter out, JsonNode e) {
    out.printf(
        "benchmark evaluation %d: %s, %s%n",
        e.path("id").asLong(), e.path("model").asText(), e.path("status").asText());
    if (!e.path("message").isNull() && e.has("message")) {
      out.println("  " + e.path("message").asText());
    }
    if (e.path("calibratedThreshold").isNumber()) {
      out.printf(
          Locale.ROOT,
          "  calibrated threshold %.4f (min calibration F1 %.4f)%n",
          e.path("calibratedThreshold").asDouble(),
          e.path("calibrationMinF1").asDouble());
    }
    for (JsonNode r : e.path("results")) {
      out.printf(
          Locale.ROOT,
          "  %-20s AUPR %.4f  mAP %.4f  peak F1 %.4f  GAP@20 %.4f  F1@calibrated %s%n",
          r.path("name").asText(),
          r.path("aupr").asDouble(),
          r.path("map").asDouble(),
          r.path("peakF1").asDouble(),
          r.path("gap20").asDouble(),
          r.path("f1AtCalibrated").isNumber()
              ? String.format(Locale.ROOT, "%.4f", r.path("f1AtCalibrated").asDouble())
              : "-");
    }
  }

  static void printLeaderboard(PrintWriter out, JsonNode board) {
    List<String> columns = new ArrayList<>();
    board.path("benchmarks").forEach(b -> columns.add(b.asText()));
    StringBuilder header = new StringBuilder(String.format("%-24s", "model (AUPR / F1@t)"));
    columns.forEach(c -> header.append(String.format("  %-20s", c)));
    out.println(header);
    for (JsonNode row : board.path("rows")) {
      StringBuilder line = new StringBuilder(String.format("%-24s", row.path("model").asText()));
      for (String c : columns) {
        JsonNode cell = row.path("cells").path(c);
        line.append(
            cell.isMissingNode()
                ? String.format("  %-20s", "-")
                : String.format(
                    Locale.ROOT,
                    "  %-20s",
                    String.format(
                        Locale.ROOT,
                        "%.3f / %s",
                        cell.path("aupr").asDouble(),
                        cell.path("f1AtCalibrated").isNumber()
                            ? String.format(
                                Locale.ROOT, "%.3f", cell.path("f1AtCalibrated").asDouble())
                            : "-")));
      }
      out.println(line);
    }
  }
}
