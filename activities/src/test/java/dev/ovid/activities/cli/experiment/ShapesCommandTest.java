package dev.ovid.activities.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.activities.cli.LocalCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ovid experiment shapes --tiny --json}: the table and its JSON line, in seconds. */
// In the worker app's class loader: libtorch loads once per JVM, and the Quarkus tests of this
// module load it there first.
@io.quarkus.test.junit.QuarkusTest
class ShapesCommandTest {
  @TempDir Path work;

  @Test
  void printsOneJsonRowPerConfigurationLast() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LocalCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute("experiment", "shapes", "--tiny", "--json", "--work-dir", work.toString());
    assertEquals(0, code, err.toString());
    String[] lines = out.toString().strip().split("\n");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertEquals(1, json.size(), "only 'rows': " + json);
    JsonNode rows = json.get("rows");
    List<String> configs = dev.ovid.model.shapes.ShapesExperiment.CONFIGS;
    assertTrue(
        configs.containsAll(List.of("frame-mean", "temporal", "learnable")), configs.toString());
    assertEquals(configs.size(), rows.size());
    for (int i = 0; i < configs.size(); i++) {
      JsonNode row = rows.get(i);
      assertEquals(configs.get(i), row.get("config").asText());
      assertEquals(7, row.size(), row.toString());
      for (String key :
          List.of(
              "aupr_seen", "aupr_unseen", "aupr_motion", "aupr_synonyms", "aupr_synonyms_seen")) {
        assertTrue(row.get(key).isNumber(), key + " in " + row);
        double v = row.get(key).asDouble();
        assertTrue(v >= 0 && v <= 1, key + " = " + v);
      }
      assertTrue(row.get("reversal_shift").asDouble() >= 0, row.toString());
    }
    // The mean of frame embeddings cannot see frame order: reversing a clip changes nothing.
    assertTrue(rows.get(0).get("reversal_shift").asDouble() < 1e-4, rows.get(0).toString());
    assertTrue(out.toString().contains("reversal_shift"), out.toString());
    assertTrue(err.toString().contains("pretraining"), "progress goes to stderr with --json");
  }
}
