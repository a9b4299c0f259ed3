package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Launches the demo pipeline on a running Ovid and, with --wait, follows it to the end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Launch the demo training pipeline (dataset 'demo', vocabulary 'demo-shapes').")
public final class DemoCommand implements Callable<Integer> {
  @Mixin ApiOptions api;

  @Spec CommandSpec spec;

  @Option(
      names = "--epochs",
      defaultValue = "3",
      description = "training epochs (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--wait", description = "follow the run until it finishes, with a progress bar")
  boolean waitForEnd;

  @Override
  public Integer call() throws InterruptedException {
    var client = api.client();
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      long vocabularyId = -1;
      for (JsonNode v : client.get("/api/vocabularies")) {
        if ("demo-shapes".equals(v.path("name").asText())) vocabularyId = v.path("id").asLong();
      }
      if (vocabularyId < 0) {
        err.println("no 'demo-shapes' vocabulary on " + api.url + " (it is created at start-up)");
        return 2;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("datasetName", "demo");
      body.put("vocabularyId", vocabularyId);
      body.put("hyperparameters", Map.of("epochs", epochs));
      JsonNode run = client.post("/api/runs", body);
      long id = run.path("id").asLong();
      out.println("launched run " + id + ": " + api.url + "/runs/" + id);
      if (!waitForEnd) return 0;
      return follow(client, id, out);
    } catch (OvidApiClient.CliException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static int follow(OvidApiClient client, long id, java.io.PrintWriter out)
      throws InterruptedException {
    String lastLine = "";
    while (true) {
      JsonNode run = client.get("/api/runs/" + id).path("run");
      String status = run.path("status").asText();
      double progress = run.path("progress").asDouble();
      int filled = (int) Math.round(progress * 30);
      String line =
          String.format(
              "[%s%s] %3.0f%% %-8s %-9s %s",
              "#".repeat(filled),
              " ".repeat(30 - filled),
              progress * 100,
              status,
              run.path("stage").asText(""),
              run.path("message").asText(""));
      if (!line.equals(lastLine)) {
        out.println(line);
        lastLine = line;
      }
      if (status.equals("SUCCEEDED")) return 0;
      if (status.equals("FAILED")) return 1;
      Thread.sleep(1000);
    }
  }
}
