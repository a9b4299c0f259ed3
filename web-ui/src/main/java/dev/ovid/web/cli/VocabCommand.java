package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ovid vocab import}: import a label file into a vocabulary's draft (REST API). */
@Command(
    name = "vocab",
    mixinStandardHelpOptions = true,
    description =
        "Vocabularies on a running Ovid (vocab curate runs locally: bin/ovid vocab curate).",
    subcommands = {VocabCommand.Import.class})
public final class VocabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import labels into a vocabulary's draft. With --json the last line is"
              + " {\"added\": n, \"duplicates\": n, \"rejected\": [{\"line\": n, \"value\": \"…\","
              + " \"reason\": \"…\"}]}.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--vocabulary", required = true, description = "vocabulary name")
    String vocabulary;

    @Option(names = "--file", required = true, description = "the label file")
    Path file;

    @Option(
        names = "--format",
        defaultValue = "auto",
        description =
            "auto, lines, csv, json, kinetics-csv, label-studio (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--json", description = "print the summary as one JSON object on the last line")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            if (!Files.isRegularFile(file)) {
              spec.commandLine().getErr().println("no such file: " + file);
              return 1;
            }
            OvidApiClient client = api.client();
            long id =
                client
                    .get(
                        "/api/vocabularies/by-name/"
                            + URLEncoder.encode(vocabulary, StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                    .path("id")
                    .asLong();
            JsonNode s =
                client.postFile(
                    "/api/vocabularies/"
                        + id
                        + "/import?format="
                        + URLEncoder.encode(format, StandardCharsets.UTF_8)
                        + "&file="
                        + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8),
                    file);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
              out.println(line(s));
            } else {
              out.printf(
                  "added %d, duplicates %d, rejected %d%n",
                  s.path("added").asInt(), s.path("duplicates").asInt(), s.path("rejected").size());
              for (JsonNode r : s.path("rejected")) {
                out.printf(
                    "  line %d: '%s': %s%n",
                    r.path("line").asInt(), r.path("value").asText(), r.path("reason").asText());
              }
            }
            return 0;
          });
    }

    /** The one-line shape, with its spacing. */
    static String line(JsonNode s) throws Exception {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      StringBuilder out = new StringBuilder("{\"added\": ");
      out.append(s.path("added").asInt())
          .append(", \"duplicates\": ")
          .append(s.path("duplicates").asInt())
          .append(", \"rejected\": [");
      boolean first = true;
      for (JsonNode r : s.path("rejected")) {
        if (!first) out.append(", ");
        first = false;
        out.append("{\"line\": ")
            .append(r.path("line").asInt())
            .append(", \"value\": ")
            .append(json.writeValueAsString(r.path("value").asText()))
            .append(", \"reason\": ")
            .append(json.writeValueAsString(r.path("reason").asText()))
            .append('}');
      }
      return out.append("]}").toString();
    }
  }
}
