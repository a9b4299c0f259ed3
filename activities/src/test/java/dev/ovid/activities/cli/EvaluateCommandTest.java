package dev.ovid.activities.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code ovid evaluate} in-process (plain JUnit, no Quarkus) on the scikit-learn fixtures of
 * the model module, whose expected numbers come from model/scripts/make_metric_fixtures.py.
 */
class EvaluateCommandTest {

  static final Path FIXTURES =
      Path.of("..", "model", "src", "test", "resources", "fixtures", "metrics");

  @TempDir Path dir;

  record Run(int exit, String out, String err) {
    JsonNode lastLineJson() throws Exception {
      String[] lines = out.strip().split("\n");
      return new ObjectMapper().readTree(lines[lines.length - 1]);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LocalCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void printsMetricsMatchingSklearnAsLastJsonLine() throws Exception {
    JsonNode expected =
        new ObjectMapper()
            .readTree(FIXTURES.resolve("expected.json").toFile())
            .path("datasets")
            .path("ties");
    Run r =
        run(
            "evaluate",
            "--scores",
            FIXTURES.resolve("ties_scores.csv").toString(),
            "--labels",
            FIXTURES.resolve("ties_labels.csv").toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("AUPR"), r.out());
    JsonNode json = r.lastLineJson();
    for (String key : new String[] {"aupr", "map", "peak_f1", "peak_f1_threshold", "gap20"}) {
      assertEquals(expected.path(key).asDouble(), json.path(key).asDouble(), 1e-9, key);
    }
    assertEquals(expected.path("decisions").asLong(), json.path("decisions").asLong());
  }

  @Test
  void writesPlotsAndF1AtAGivenThreshold() throws Exception {
    Run r =
        run(
            "evaluate",
            "--scores",
            FIXTURES.resolve("distinct_scores.csv").toString(),
            "--labels",
            FIXTURES.resolve("distinct_labels.csv").toString(),
            "--threshold",
            "0.5",
            "--plots",
            dir.toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode expected =
        new ObjectMapper()
            .readTree(FIXTURES.resolve("expected.json").toFile())
            .path("datasets")
            .path("distinct");
    for (JsonNode point : expected.path("f1_at")) {
      if (point.path("threshold").asDouble() == 0.5) {
        assertEquals(
            point.path("f1").asDouble(), r.lastLineJson().path("f1_at_threshold").asDouble(), 1e-9);
      }
    }
    assertTrue(Files.readString(dir.resolve("pr_curve.svg")).startsWith("<svg"));
    assertTrue(Files.readString(dir.resolve("f1_threshold.svg")).contains("<polyline"));
  }

  @Test
  void badInputExitsWithTwoNamingFileAndLine() throws Exception {
    Path scores =
        Files.writeString(dir.resolve("s.csv"), "video_id,label,score\nv1,cat,0.9\nv1,cat,0.2\n");
    Path labels = Files.writeString(dir.resolve("l.csv"), "video_id,label\nv1,cat\n");
    Run r = run("evaluate", "--scores", scores.toString(), "--labels", labels.toString(), "--json");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains(scores + ":3: duplicate decision"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingOptionIsAUsageErrorWithExitTwo() {
    Run r = run("evaluate", "--scores", "x.csv");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--labels"), r.err());
  }
}
