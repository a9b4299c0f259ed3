package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ovid dataset}: register dataset sources, list datasets, diff two versions (REST API). */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Dataset sources and versions on a running Ovid.",
    subcommands = {
      DatasetCommand.Register.class,
      DatasetCommand.ListDatasets.class,
      DatasetCommand.Diff.class
    })
public final class DatasetCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = "Register a manifest (JSON Lines) or Kinetics CSV as a dataset source.")
  static final class Register implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", description = "dataset name runs will use")
    String name;

    @Option(
        names = "--kind",
        required = true,
        description = "MANIFEST, KINETICS_CSV or YT8M_TFRECORD (a video-level TFRecord file)")
    String kind;

    @Option(
        names = "--location",
        required = true,
        description = "the manifest or CSV: s3://bucket/key or a file path")
    String location;

    @Option(names = "--video-root", description = "KINETICS_CSV: folder or s3:// prefix of clips")
    String videoRoot;

    @Option(
        names = "--unreadable",
        defaultValue = "FAIL",
        description = "FAIL or SKIP a video that does not decode (default: ${DEFAULT-VALUE})")
    String unreadable;

    @Option(names = "--description", description = "free text")
    String description;

    @Option(
        names = "--vocabulary",
        description = "YT8M_TFRECORD: the YouTube-8M vocabulary.csv (s3:// or path)")
    String vocabulary;

    @Option(
        names = "--rules",
        description =
            "YT8M_TFRECORD: vocabulary curation rules as JSON, e.g."
                + " '{\"excludeVerticals\":[\"Games\"],\"minTrainVideos\":205}'")
    String rules;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("kind", kind);
            body.put("location", absolute(location));
            body.put("videoRoot", absolute(videoRoot));
            body.put("unreadablePolicy", unreadable);
            body.put("description", description);
            body.put("vocabularyLocation", absolute(vocabulary));
            body.put("curationRulesJson", rules);
            JsonNode created = api.client().post("/api/datasets", body);
            spec.commandLine()
                .getOut()
                .println(
                    "registered dataset source '"
                        + created.path("name").asText()
                        + "' ("
                        + created.path("kind").asText()
                        + " "
                        + created.path("location").asText()
                        + ")");
            return 0;
          });
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List dataset sources and versions.")
  static final class ListDatasets implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            JsonNode all = api.client().get("/api/datasets");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
              out.println(JSON.writeValueAsString(all));
              return 0;
            }
            out.println("Sources:");
            for (JsonNode s : all.path("sources")) {
              out.printf(
                  "  %-30s %-13s %-5s %s%n",
                  s.path("name").asText(),
                  s.path("kind").asText(),
                  s.path("unreadablePolicy").asText(),
                  s.path("location").asText());
            }
            out.println("Versions:");
            for (JsonNode v : all.path("versions")) {
              out.printf(
                  "  %-30s v%-4d %6d videos %5d labels  sha256:%s%n",
                  v.path("datasetName").asText(),
                  v.path("version").asInt(),
                  v.path("videoCount").asInt(),
                  v.path("labelCount").asInt(),
                  v.path("manifestSha256").asText().substring(0, 12));
            }
            return 0;
          });
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "What changed between two versions of a dataset.")
  static final class Diff implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", description = "dataset name")
    String name;

    @Option(names = "--from", required = true, description = "older version number")
    int from;

    @Option(names = "--to", required = true, description = "newer version number")
    int to;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            JsonNode diff =
                api.client()
                    .get(
                        "/api/datasets/"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8)
                            + "/diff?from="
                            + from
                            + "&to="
                            + to);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
              out.println(JSON.writeValueAsString(diff));
              return 0;
            }
            out.printf("%s v%d -> v%d%n", name, from, to);
            for (String field :
                new String[] {
                  "videosAdded", "videosRemoved", "videosChanged", "labelsAdded", "labelsRemoved"
                }) {
              JsonNode items = diff.path(field);
              out.printf("  %-14s %5d  %s%n", field, items.size(), preview(items));
            }
            return 0;
          });
    }

    private static String preview(JsonNode items) {
      StringBuilder out = new StringBuilder();
      int shown = 0;
      for (JsonNode item : items) {
        if (shown++ == 8) {
          out.append(" …");
          break;
        }
        out.append(shown > 1 ? ", " : "").append(item.asText());
      }
      return out.toString();
    }
  }

  /**
   * A local path made absolute where the command runs (the server only accepts absolute paths under
   * its data roots); s3:// URIs and other schemes pass unchanged.
   */
  static String absolute(String location) {
    if (location == null || location.isBlank() || location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return location;
    }
    try {
      return java.nio.file.Path.of(location.trim()).toAbsolutePath().normalize().toString();
    } catch (java.nio.file.InvalidPathException e) {
      return location;
    }
  }
}
