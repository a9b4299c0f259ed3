package dev.ovid.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code bin/ovid classify} prints without --json. */
class ClassifyCommandPrintTest {

  @Test
  void scoresNextToOneKeepTheDigitsThatTellThemApart() throws Exception {
    String answer =
        """
        {"model": "ovid@2", "vocabulary": "demo-shapes v1", "threshold": 0.9999948,
         "labelCount": 16, "expandedOnDemand": false,
         "labels": [{"label": "red circle", "score": 0.999999, "passes": true},
                    {"label": "moving left", "score": 0.99999, "passes": false},
                    {"label": "blue square", "score": 0.42, "passes": false}],
         "timings": {"totalMs": 120, "uploadMs": 5, "expansionMs": 0, "decodeMs": 40,
                     "encodeMs": 60, "scoreMs": 1}}
        """;
    StringWriter text = new StringWriter();
    ClassifyCommand.print(new PrintWriter(text, true), new ObjectMapper().readTree(answer));
    List<String> lines = text.toString().lines().toList();
    assertEquals(
        "model ovid@2, vocabulary demo-shapes v1, threshold 0.9999948 (16 labels scored)",
        lines.get(0));
    assertEquals("  0.999999   pass  red circle", lines.get(1));
    assertEquals("  0.99999          moving left", lines.get(2));
    assertEquals("  0.420            blue square", lines.get(3));
  }
}
