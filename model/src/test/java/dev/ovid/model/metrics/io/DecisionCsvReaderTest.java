package dev.ovid.model.metrics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.model.metrics.MultiLabelMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionCsvReaderTest {

  @TempDir Path dir;

  private static final String GOOD_LABELS = "video_id,label\nv1,cat\n";

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private MetricsInputException fails(String scores, String labels) throws IOException {
    Path s = write("s.csv", scores);
    Path l = write("l.csv", labels);
    return assertThrows(MetricsInputException.class, () -> DecisionCsvReader.read(s, l));
  }

  @Test
  void readsDecisionsWithExtraColumnsInAnyOrder() throws IOException {
    Path s =
        write("s.csv", "score,model,label,video_id\n0.9,m,cat,v1\n0.2,m,dog,v1\n0.4,m,cat,v2\n");
    Path l = write("l.csv", "label,video_id\ncat,v1\n\ndog,v1\n");
    MultiLabelDecisions d = DecisionCsvReader.read(s, l);
    assertEquals(3, d.size());
    assertArrayEquals(new boolean[] {true, true, false}, d.positives());
    assertEquals(2, d.videoIds().size());
    assertEquals(2, d.labelNames().size());
  }

  @Test
  void rejectsMissingColumnNamingFileAndHeaderLine() throws IOException {
    MetricsInputException e = fails("video_id,label,prob\nv1,cat,0.3\n", GOOD_LABELS);
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("s.csv:1: missing column 'score'"), e.getMessage());
  }

  @Test
  void rejectsNonNumericScoreWithLine() throws IOException {
    MetricsInputException e = fails("video_id,label,score\nv1,cat,0.3\nv2,cat,high\n", GOOD_LABELS);
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("s.csv:3: score 'high' is not a number"), e.getMessage());
  }

  @Test
  void rejectsNaNScore() throws IOException {
    MetricsInputException e = fails("video_id,label,score\nv1,cat,NaN\n", GOOD_LABELS);
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
  }

  @Test
  void rejectsDuplicateDecisionNamingBothLines() throws IOException {
    MetricsInputException e =
        fails("video_id,label,score\nv1,cat,0.3\nv1,dog,0.1\nv1,cat,0.5\n", GOOD_LABELS);
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("duplicate decision"), e.getMessage());
    assertTrue(e.getMessage().contains("first at line 2"), e.getMessage());
  }

  @Test
  void rejectsDuplicatePositive() throws IOException {
    MetricsInputException e =
        fails("video_id,label,score\nv1,cat,0.3\n", "video_id,label\nv1,cat\nv1,cat\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("l.csv:3: duplicate positive"), e.getMessage());
  }

  @Test
  void rejectsPositiveWithoutScoreRowByDefault() throws IOException {
    MetricsInputException e =
        fails("video_id,label,score\nv1,cat,0.3\n", "video_id,label\nv1,cat\nv9,cat\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("l.csv:3: positive (video 'v9'"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown video"), e.getMessage());
  }

  @Test
  void countsUnscoredPositivesAsMissedWhenAsked() throws IOException {
    Path s = write("s.csv", "video_id,label,score\nv1,cat,0.9\nv2,cat,0.1\n");
    Path l = write("l.csv", "video_id,label\nv1,cat\nv3,cat\nv3,owl\n");
    MultiLabelDecisions d = DecisionCsvReader.read(s, l, MissingPositivePolicy.COUNT_AS_MISSED);
    assertEquals(2, d.totalUnscoredPositives());
    // One of two cat positives found at precision 1; owl has no scored decision at all.
    assertEquals(1.0 / 3, MultiLabelMetrics.aupr(d), 1e-15);
    assertEquals(0.25, MultiLabelMetrics.meanAveragePrecision(d), 1e-15);
  }

  @Test
  void rejectsEmptyFiles() throws IOException {
    assertTrue(fails("", GOOD_LABELS).getMessage().contains("s.csv: empty file"));
    assertTrue(fails("video_id,label,score\n", GOOD_LABELS).getMessage().contains("no score rows"));
    assertTrue(
        fails("video_id,label,score\nv1,cat,0.3\n", "video_id,label\n")
            .getMessage()
            .contains("l.csv: no positive rows"));
  }

  @Test
  void rejectsShortRowAndEmptyId() throws IOException {
    MetricsInputException shortRow = fails("video_id,label,score\nv1,cat\n", GOOD_LABELS);
    assertEquals(2, shortRow.line());
    MetricsInputException emptyId = fails("video_id,label,score\nv1,,0.3\n", GOOD_LABELS);
    assertTrue(emptyId.getMessage().contains("s.csv:2: empty label"), emptyId.getMessage());
  }

  @Test
  void lineNumbersCountQuotedNewlines() throws IOException {
    MetricsInputException e =
        fails("video_id,label,score\n\"v\n1\",cat,0.3\nv2,cat,x\n", GOOD_LABELS);
    assertEquals(4, e.line());
  }

  @Test
  void reportsMissingFile() {
    MetricsInputException e =
        assertThrows(
            MetricsInputException.class,
            () -> DecisionCsvReader.read(dir.resolve("nope.csv"), dir.resolve("l.csv")));
    assertTrue(e.getMessage().contains("nope.csv: file not found"));
  }
}
