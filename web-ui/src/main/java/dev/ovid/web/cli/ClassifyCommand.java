package dev.ovid.web.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.web.ui.components.Thresholds;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid classify}: labels for one video from a running Ovid (POST /api/classify). With {@code
 * --json} the last line is one JSON object: {@code {"model": "…", "vocabulary": "…", "labels":
 * [{"label": "…", "score": 0.0, "passes": true}]}}, highest score first.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = "Classify a video with a model against a published vocabulary.")
public final class ClassifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(names = "--video", required = true, description = "the video file to upload")
  Path video;

  @Option(names = "--vocabulary", required = true, description = "vocabulary name")
  String vocabulary;

  @Option(names = "--vocabulary-version", description = "published version (default: the latest)")
  Integer vocabularyVersion;

  @Option(
      names = "--model",
      defaultValue = "production",
      description = "model alias or version number (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--top", description = "how many labels (default: the server's; 0 = all)")
  Integer top;

  @Option(names = "--json", description = "print the result as one JSON object on the last line")
  boolean json;

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description = "how long to wait for the answer (ISO-8601, default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    return CliCalls.guarded(
        spec,
        () -> {
          if (!Files.isRegularFile(video)) {
            spec.commandLine().getErr().println("no such file: " + video);
            return 1;
          }
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("vocabulary", vocabulary);
          if (vocabularyVersion != null)
            fields.put("vocabularyVersion", vocabularyVersion.toString());
          fields.put("model", model);
          if (top != null) fields.put("top", top.toString());
          JsonNode result =
              api.client().postMultipart("/api/classify", fields, "video", video, timeout);
          PrintWriter out = spec.commandLine().getOut();
          if (json) {
            out.println(line(result));
          } else {
            print(out, result);
          }
          return 0;
        });
  }

  /** The human-readable answer: scores with the digits that tell them from 1, as the UI shows. */
  static void print(PrintWriter out, JsonNode r) {
    out.printf(
        "model %s, vocabulary %s, threshold %s (%d labels scored%s)%n",
        r.path("model").asText(),
        r.path("vocabulary").asText(),
        Thresholds.format(r.path("threshold").asDouble()),
        r.path("labelCount").asInt(),
        r.path("expandedOnDemand").asBoolean() ? ", expanded on demand" : "");
    for (JsonNode label : r.path("labels")) {
      out.printf(
          "  %-9s  %s  %s%n",
          Thresholds.format(label.path("score").asDouble()),
          label.path("passes").asBoolean() ? "pass" : "    ",
          label.path("label").asText());
    }
    JsonNode t = r.path("timings");
    out.printf(
        "took %d ms (upload %d, expansion %d, decode %d, encode %d, score %d)%n",
        t.path("totalMs").asLong(),
        t.path("uploadMs").asLong(),
        t.path("expansionMs").asLong(),
        t.path("decodeMs").asLong(),
        t.path("encodeMs").asLong(),
        t.path("scoreMs").asLong());
  }

  /** The one-line shape, with its spacing. */
  static String line(JsonNode r) throws JsonProcessingException {
    StringBuilder out = new StringBuilder("{\"model\": ");
    out.append(JSON.writeValueAsString(r.path("model").asText()))
        .append(", \"vocabulary\": ")
        .append(JSON.writeValueAsString(r.path("vocabulary").asText()))
        .append(", \"labels\": [");
    boolean first = true;
    for (JsonNode label : r.path("labels")) {
      if (!first) out.append(", ");
      first = false;
      out.append("{\"label\": ")
          .append(JSON.writeValueAsString(label.path("label").asText()))
          .append(", \"score\": ")
          .append(label.path("score").asDouble())
          .append(", \"passes\": ")
          .append(label.path("passes").asBoolean())
          .append('}');
    }
    return out.append("]}").toString();
  }
}
