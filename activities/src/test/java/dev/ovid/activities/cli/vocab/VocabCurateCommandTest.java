package dev.ovid.activities.cli.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.activities.cli.LocalCli;
import dev.ovid.activities.testing.PublicLabelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code ovid vocab curate} as the launcher does: picocli only, no Quarkus. */
class VocabCurateCommandTest {

  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {
    String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.get(lines.size() - 1);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LocalCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void curatesRealVocabularyAndPrintsJsonSummaryLast() throws IOException {
    Path curated = tmp.resolve("curated.csv");
    Path report = tmp.resolve("report.json");
    Run r =
        run(
            "vocab",
            "curate",
            "--vocabulary",
            PublicLabelFiles.file("yt8m_vocabulary_2018.csv").toString(),
            "--exclude-vertical",
            "Games",
            "--min-train-videos",
            "205",
            "--output",
            curated.toString(),
            "--report",
            report.toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.lastLine());
    assertEquals(3862, json.get("input").asInt());
    assertEquals(2431, json.get("kept").asInt());
    assertEquals(56, json.get("removed").get("empty_name").asInt());
    assertEquals(839, json.get("removed").get("excluded_vertical").asInt());
    assertEquals(536, json.get("removed").get("below_min_train_videos").asInt());
    assertEquals(843, json.get("matched").get("excluded_vertical=Games").asInt());
    assertTrue(r.out().contains("removed by (first matching rule)"));
    JsonNode full = new ObjectMapper().readTree(report.toFile());
    assertEquals(2431, full.get("kept").asInt());
    assertEquals(536, full.get("removedNames").get("below_min_train_videos").size());
    assertTrue(Files.readString(curated).startsWith("Index,TrainVideoCount,KnowledgeGraphId"));
  }

  @Test
  void topKeepsTheRequestedNumberOfLabels() throws IOException {
    Run r =
        run(
            "vocab",
            "curate",
            "--vocabulary",
            PublicLabelFiles.file("yt8m_vocabulary_2018.csv").toString(),
            "--exclude-vertical",
            "Games",
            "--top",
            "2429",
            "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(2429, new ObjectMapper().readTree(r.lastLine()).get("kept").asInt());
  }

  @Test
  void printsAHumanTableWithoutJson() {
    Run r =
        run(
            "vocab",
            "curate",
            "--vocabulary",
            PublicLabelFiles.file("yt8m_vocabulary_2018.csv").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("3862 rows read, 3806 kept, 56 removed"), r.out());
    assertFalse(r.lastLine().startsWith("{"));
  }

  @Test
  void rejectsMalformedCsvNamingFileAndLineAndKeepsExistingOutput() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad,
        "Index,TrainVideoCount,KnowledgeGraphId,Name,WikiUrl,Vertical1,Vertical2,Vertical3,"
            + "WikiDescription\n0,10,/m/a,A,u,V,,,d\n1,lots,/m/b,B,u,V,,,d\n");
    Path curated = tmp.resolve("curated.csv");
    Files.writeString(curated, "previous content");
    Run r = run("vocab", "curate", "--vocabulary", bad.toString(), "--output", curated.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains(bad + ":3:"), r.err());
    assertTrue(r.err().contains("TrainVideoCount"), r.err());
    assertEquals("previous content", Files.readString(curated));
  }

  @Test
  void rejectsCutoffTogetherWithTop() {
    Run r =
        run(
            "vocab",
            "curate",
            "--vocabulary",
            PublicLabelFiles.file("yt8m_vocabulary_2018.csv").toString(),
            "--min-train-videos",
            "10",
            "--top",
            "5");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
  }

  @Test
  void rejectsMissingVocabularyFile() {
    Run r = run("vocab", "curate", "--vocabulary", tmp.resolve("nope.csv").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("nope.csv"), r.err());
  }
}
