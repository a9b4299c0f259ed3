package dev.ovid.activities.curation.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyCuratorTest {
  private static final String FIXTURE = "/fixtures/vocabulary/small_vocabulary.csv";

  private static CurationResult curate(CurationRules rules) throws IOException {
    try (InputStream in = VocabularyCuratorTest.class.getResourceAsStream(FIXTURE)) {
      return VocabularyCurator.curate(in, "small_vocabulary.csv", rules, rows -> {});
    }
  }

  private static String header() {
    return String.join(",", VocabularyCsvReader.COLUMNS) + "\n";
  }

  private static CurationResult curateText(String csv) {
    return VocabularyCurator.curate(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        "bad.csv",
        CurationRules.none(),
        rows -> {});
  }

  @Test
  void excludedVerticalMatchesAnyOfTheThreeColumns() throws IOException {
    CurationResult r =
        curate(CurationRules.none().withExcludeVerticals(List.of("Hobbies & Leisure")));
    assertFalse(r.vocabulary().names().contains("Chess"));
    assertEquals(List.of("Chess"), r.report().removedNames().get("excluded_vertical"));
  }

  @Test
  void columnSpecificVerticalRuleIgnoresOtherColumns() throws IOException {
    CurationResult r =
        curate(CurationRules.none().withExcludeVerticals(List.of("Vertical2=Games")));
    assertEquals(0, r.report().removed(RemovalReason.EXCLUDED_VERTICAL));
  }

  @Test
  void descriptionPatternRemovesVideoGamesOutsideTheGamesVertical() throws IOException {
    CurationResult r =
        curate(
            CurationRules.none()
                .withExcludeVerticals(List.of("Games"))
                .withExcludeDescriptionPatterns(List.of("(?i)\\bvideo game\\b")));
    assertEquals(
        List.of("Grand Theft Auto V"), r.report().removedNames().get("description_pattern"));
    // Minecraft matches both rules; it is attributed to the vertical, the earlier rule.
    assertEquals(2, r.report().matchedByRule().get("description_pattern=(?i)\\bvideo game\\b"));
    assertEquals(3, r.report().removed(RemovalReason.EXCLUDED_VERTICAL));
  }

  @Test
  void includeListOverridesRulesButNotAnEmptyName() throws IOException {
    CurationResult r =
        curate(
            CurationRules.none()
                .withExcludeVerticals(List.of("Games"))
                .withInclude(List.of("chess", "/m/04", "Tractor", "Typo Label"))
                .withMinTrainVideos(1000L));
    assertTrue(r.vocabulary().names().containsAll(List.of("Chess", "Tractor")));
    assertEquals(List.of("Chess", "Tractor"), r.report().keptByInclude());
    assertEquals(1, r.report().removed(RemovalReason.EMPTY_NAME));
    assertEquals(List.of("include:Typo Label"), r.report().unmatchedListEntries());
  }

  @Test
  void excludeListMatchesNamesAndKnowledgeGraphIds() throws IOException {
    CurationResult r = curate(CurationRules.none().withExclude(List.of("Dog", "/m/10")));
    assertEquals(List.of("Dog", "Cat"), r.report().removedNames().get("exclude_list"));
  }

  @Test
  void cutoffKeepsLabelsAtOrAboveTheCount() throws IOException {
    CurationResult r = curate(CurationRules.none().withMinTrainVideos(700L));
    assertTrue(r.vocabulary().names().containsAll(List.of("Cat", "Horse")));
    assertEquals(List.of("Tractor"), r.report().removedNames().get("below_min_train_videos"));
  }

  @Test
  void includeListKeepsLabelsOutsideTheTopN() throws IOException {
    CurationResult r = curate(CurationRules.none().withInclude(List.of("Tractor")).withTop(2));
    assertEquals(List.of("Car", "Minecraft", "Tractor"), r.vocabulary().names());
    assertEquals(List.of("Tractor"), r.report().keptByInclude());
  }

  @Test
  void topNBreaksTiesByLowerIndex() throws IOException {
    CurationResult r = curate(CurationRules.none().withTop(9));
    assertTrue(r.vocabulary().names().contains("Cat"));
    assertFalse(r.vocabulary().names().contains("Horse"));
    assertEquals(9, r.report().kept());
  }

  @Test
  void newIndicesAreDenseInOriginalOrder() throws IOException {
    CurationResult r = curate(CurationRules.none().withExcludeVerticals(List.of("Games")));
    Map<Integer, Integer> map = r.vocabulary().originalToNew();
    assertEquals(0, map.get(0));
    assertEquals(1, map.get(4));
    assertFalse(map.containsKey(1));
    assertTrue(r.vocabulary().sourceIndices().get(1));
  }

  @Test
  void rejectsTopTogetherWithCutoff() {
    assertThrows(
        IllegalArgumentException.class, () -> new CurationRules(null, null, null, null, 10L, 5));
  }

  @Test
  void rejectsInvalidDescriptionPattern() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CurationRules.none().withExcludeDescriptionPatterns(List.of("(unclosed")));
    assertTrue(e.getMessage().contains("(unclosed"));
  }

  @Test
  void rulesAndReportRoundTripThroughJson() throws IOException {
    CurationRules rules =
        CurationRules.none()
            .withExcludeVerticals(List.of("Games"))
            .withExcludeDescriptionPatterns(List.of("video game"))
            .withInclude(List.of("Chess"))
            .withMinTrainVideos(700L);
    assertEquals(rules, CurationJson.rulesFromJson(CurationJson.toJson(rules)));
    CurationReport report = curate(rules).report();
    assertEquals(report, CurationJson.reportFromJson(CurationJson.toJson(report)));
  }

  @Test
  void curatedCsvReadsBackWithTheSameLabelsAndOrder() throws IOException {
    CurationResult r = curate(CurationRules.none().withExcludeVerticals(List.of("Games")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CuratedVocabularyCsv.write(r.vocabulary(), out);
    CuratedVocabulary back =
        CuratedVocabularyCsv.read(new ByteArrayInputStream(out.toByteArray()), "curated.csv");
    assertEquals(r.vocabulary().labels(), back.labels());
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(header().trim() + ",CuratedIndex"));
  }

  @Test
  void rejectsRowWithMissingColumnNamingFileAndLine() {
    String csv = header() + "0,10,/m/a,A,u,V,,,\"two\nlines\"\n" + "1,20,/m/b,B,u,V,,\n";
    VocabularyFormatException e =
        assertThrows(VocabularyFormatException.class, () -> curateText(csv));
    assertEquals(4, e.line());
    assertTrue(e.getMessage().startsWith("bad.csv:4:"), e.getMessage());
    assertTrue(e.getMessage().contains("missing column"), e.getMessage());
  }

  @Test
  void rejectsNonNumericTrainVideoCount() {
    String csv = header() + "0,many,/m/a,A,u,V,,,d\n";
    VocabularyFormatException e =
        assertThrows(VocabularyFormatException.class, () -> curateText(csv));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("TrainVideoCount is not an integer: 'many'"));
  }

  @Test
  void rejectsHeaderWithoutRequiredColumns() {
    String csv = "Index,Name\n0,A\n";
    VocabularyFormatException e =
        assertThrows(VocabularyFormatException.class, () -> curateText(csv));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("TrainVideoCount"));
  }

  @Test
  void rejectsUnterminatedQuote() {
    String csv = header() + "0,10,/m/a,A,u,V,,,\"never closed\n";
    VocabularyFormatException e =
        assertThrows(VocabularyFormatException.class, () -> curateText(csv));
    assertTrue(e.getMessage().startsWith("bad.csv:"), e.getMessage());
  }

  @Test
  void rejectsDuplicateIndex() {
    String csv = header() + "0,10,/m/a,A,u,V,,,d\n0,11,/m/b,B,u,V,,,d\n";
    VocabularyFormatException e =
        assertThrows(VocabularyFormatException.class, () -> curateText(csv));
    assertEquals(3, e.line());
  }
}
