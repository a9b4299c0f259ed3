package dev.ovid.web.cli;

import static dev.ovid.web.cli.CliCalls.guarded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.workflows.pipeline.Hyperparameters;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ovid schedule}: scheduled retraining on Temporal Schedules (REST API). */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Scheduled retraining (Temporal Schedules) on a running Ovid.",
    subcommands = {
      ScheduleCommand.Create.class,
      ScheduleCommand.ListSchedules.class,
      ScheduleCommand.Pause.class,
      ScheduleCommand.Resume.class,
      ScheduleCommand.Trigger.class,
      ScheduleCommand.Backfill.class,
      ScheduleCommand.Delete.class
    })
public final class ScheduleCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String path(String name) {
    return "/api/schedules/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void print(CommandSpec spec, JsonNode schedule, boolean json) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.writeValueAsString(schedule));
      return;
    }
    String when =
        schedule.path("cron").size() > 0
            ? "cron " + schedule.path("cron").get(0).asText()
            : schedule.path("intervals").size() > 0
                ? "every " + schedule.path("intervals").get(0).asText()
                : "calendar " + schedule.path("calendars");
    out.printf(
        "%-24s %-8s %s%s, %s on %s, overlap %s, next %s, %d runs%n",
        schedule.path("name").asText(),
        schedule.path("paused").asBoolean() ? "paused" : "active",
        when,
        schedule.path("timezone").asText("").isBlank()
            ? ""
            : " (" + schedule.path("timezone").asText() + ")",
        schedule.path("vocabularyName").asText(),
        schedule.path("datasetName").asText()
            + (schedule.path("datasetVersion").isNumber()
                ? "@" + schedule.path("datasetVersion").asInt() + " (pinned)"
                : "")
            + (schedule.path("registerCandidate").asBoolean(true) ? "" : ", no candidate"),
        schedule.path("overlap").asText(),
        schedule.path("nextRuns").size() > 0 ? schedule.path("nextRuns").get(0).asText() : "-",
        schedule.path("runs").size());
    for (JsonNode run : schedule.path("runs")) {
      out.printf(
          "    run #%d %s %s%n",
          run.path("id").asLong(), run.path("status").asText(), run.path("createdAt").asText());
    }
  }

  static final class When {
    @Option(names = "--cron", description = "five-field cron expression, e.g. \"0 3 * * 1\"")
    String cron;

    @Option(names = "--interval", description = "ISO-8601 interval, e.g. PT6H")
    String interval;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a retraining schedule.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--name", required = true, description = "schedule name")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    When when;

    @Option(names = "--timezone", description = "IANA time zone of the cron, e.g. Europe/Paris")
    String timezone;

    @Option(names = "--dataset", required = true, description = "dataset name")
    String dataset;

    @Option(names = "--vocabulary", required = true, description = "vocabulary name")
    String vocabulary;

    @Option(
        names = "--dataset-version",
        description = "pin this version of the dataset (default: the dataset's newest contents)")
    Integer datasetVersion;

    @Option(
        names = "--register-candidate",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "make each run's model the candidate (default); --no-register-candidate registers"
                + " the versions without moving the alias")
    boolean registerCandidate;

    @Option(
        names = "--overlap",
        defaultValue = "SKIP",
        description = "SKIP, BUFFER_ONE or CANCEL_OTHER (default: ${DEFAULT-VALUE})")
    String overlap;

    @Option(names = "--catchup-window", description = "ISO-8601, e.g. PT1H")
    String catchupWindow;

    @Option(names = "--paused", description = "create it paused")
    boolean paused;

    @Option(names = "--epochs", description = "default: 3")
    Integer epochs;

    @Option(names = "--batch-size", description = "default: 4")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "default: 0.001")
    Double learningRate;

    @Option(names = "--checkpoint-every", description = "steps between checkpoints; default: 5")
    Integer checkpointEvery;

    @Option(names = "--seed", description = "default: 42")
    Long seed;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            Hyperparameters d = Hyperparameters.defaults();
            Map<String, Object> hp = new LinkedHashMap<>(d.asMap());
            if (epochs != null) hp.put("epochs", epochs);
            if (batchSize != null) hp.put("batchSize", batchSize);
            if (learningRate != null) hp.put("learningRate", learningRate);
            if (checkpointEvery != null) hp.put("checkpointEverySteps", checkpointEvery);
            if (seed != null) hp.put("seed", seed);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("cron", when.cron);
            body.put("interval", when.interval);
            body.put("timezone", timezone);
            body.put("datasetName", dataset);
            body.put("vocabularyName", vocabulary);
            body.put("hyperparameters", hp);
            body.put("overlap", overlap);
            body.put("catchupWindow", catchupWindow);
            body.put("paused", paused);
            body.put("datasetVersion", datasetVersion);
            body.put("registerCandidate", registerCandidate);
            print(spec, api.client().post("/api/schedules", body), json);
            return 0;
          });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules.")
  static final class ListSchedules implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            JsonNode all = api.client().get("/api/schedules");
            if (json) {
              spec.commandLine().getOut().println(JSON.writeValueAsString(all));
            } else if (all.isEmpty()) {
              spec.commandLine().getOut().println("no schedules");
            } else {
              for (JsonNode s : all) print(spec, s, false);
            }
            return 0;
          });
    }
  }

  /** pause, resume, trigger: POST /api/schedules/NAME/ACTION. */
  abstract static class Action implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", description = "schedule name")
    String name;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    abstract String action();

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            print(spec, api.client().post(path(name) + "/" + action(), Map.of()), json);
            return 0;
          });
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a schedule.")
  static final class Pause extends Action {
    String action() {
      return "pause";
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a schedule.")
  static final class Resume extends Action {
    String action() {
      return "resume";
    }
  }

  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Start one scheduled run now.")
  static final class Trigger extends Action {
    String action() {
      return "trigger";
    }
  }

  @Command(
      name = "backfill",
      mixinStandardHelpOptions = true,
      description =
          "Take the actions the schedule would have taken between --from and --to (past"
              + " ISO-8601 instants, e.g. 2026-11-01T00:00:00Z), one after another.")
  static final class Backfill implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--name", required = true, description = "schedule name")
    String name;

    @Option(names = "--from", required = true, description = "start of the range (ISO-8601)")
    String from;

    @Option(names = "--to", required = true, description = "end of the range (ISO-8601)")
    String to;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            String query =
                "?from="
                    + URLEncoder.encode(from, StandardCharsets.UTF_8)
                    + "&to="
                    + URLEncoder.encode(to, StandardCharsets.UTF_8);
            print(spec, api.client().post(path(name) + "/backfill" + query, Map.of()), json);
            return 0;
          });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a schedule.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", description = "schedule name")
    String name;

    @Option(names = "--json", description = "print {\"deleted\": NAME}")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            api.client().delete(path(name));
            spec.commandLine()
                .getOut()
                .println(
                    json
                        ? JSON.writeValueAsString(Map.of("deleted", name))
                        : "deleted schedule " + name);
            return 0;
          });
    }
  }
}
