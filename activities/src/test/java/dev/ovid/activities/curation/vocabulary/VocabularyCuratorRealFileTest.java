package dev.ovid.activities.curation.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.activities.testing.PublicLabelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproduces the facts of public-labels/README.md on the real YouTube-8M 2018 vocabulary. */
class VocabularyCuratorRealFileTest {
  private static Path csv;
  private static List<VocabularyEntry> rows;

  @BeforeAll
  static void readAll() throws IOException {
    csv = PublicLabelFiles.file("yt8m_vocabulary_2018.csv");
    rows = new ArrayList<>();
    try (InputStream in = Files.newInputStream(csv);
        VocabularyCsvReader reader = new VocabularyCsvReader(in, csv.toString())) {
      VocabularyEntry e;
      while ((e = reader.next()) != null) {
        rows.add(e);
      }
    }
  }

  @Test
  void readsAll3862EntitiesWithQuotedMultilineFields() {
    assertEquals(3862, rows.size());
    assertEquals(
        IntStream.range(0, 3862).boxed().toList(),
        rows.stream().map(VocabularyEntry::index).sorted().toList());
    assertTrue(rows.stream().anyMatch(e -> e.wikiDescription().contains(",")));
  }

  @Test
  void counts734Vertical1GamesAnd843GamesInAnyVertical() {
    CurationResult v1 = VocabularyCurator.curate(csv, rulesWithVertical("Vertical1=Games"));
    assertEquals(734, v1.report().matchedByRule().get("excluded_vertical=Vertical1=Games"));
    CurationResult any = VocabularyCurator.curate(csv, rulesWithVertical("Games"));
    assertEquals(843, any.report().matchedByRule().get("excluded_vertical=Games"));
    assertEquals(843, rows.stream().filter(e -> e.verticals().contains("Games")).count());
  }

  @Test
  void alwaysDrops56UnnamedLabels() {
    CurationResult r = VocabularyCurator.curate(csv, CurationRules.none());
    assertEquals(3862, r.report().input());
    assertEquals(56, r.report().removed(RemovalReason.EMPTY_NAME));
    assertEquals(56, r.report().matchedByRule().get("empty_name"));
    assertEquals(3862 - 56, r.report().kept());
  }

  @Test
  void smallestTrainVideoCountIs123() {
    CurationResult r = VocabularyCurator.curate(csv, CurationRules.none());
    assertEquals(
        123, rows.stream().mapToLong(VocabularyEntry::trainVideoCount).min().orElseThrow());
    assertEquals(123, r.report().smallestKeptTrainVideoCount());
  }

  @Test
  void removingGamesAnyVerticalAndUnnamedLeaves2967Then2431AtCutoff205() {
    CurationResult r = VocabularyCurator.curate(csv, rulesWithVertical("Games"));
    assertEquals(2967, r.report().kept());
    // 4 unnamed labels are also Games: attributed to empty_name, the first rule.
    assertEquals(56, r.report().removed(RemovalReason.EMPTY_NAME));
    assertEquals(843 - 4, r.report().removed(RemovalReason.EXCLUDED_VERTICAL));

    CurationResult cut =
        VocabularyCurator.curate(csv, rulesWithVertical("Games").withMinTrainVideos(205L));
    assertEquals(2431, cut.report().kept());
    assertEquals(2431, cut.vocabulary().size());
    assertEquals(2967 - 2431, cut.report().removed(RemovalReason.BELOW_MIN_TRAIN_VIDEOS));
    assertTrue(cut.report().smallestKeptTrainVideoCount() >= 205);
    assertEquals(3862, cut.report().removedTotal() + cut.report().kept());
  }

  @Test
  void vertical1GamesOnlyAtCutoff221Leaves2434WithoutTheNameFilter() {
    CurationResult r =
        VocabularyCurator.curate(
            csv, rulesWithVertical("Vertical1=Games").withMinTrainVideos(221L));
    // The README counts unnamed labels too; curation always drops them, so add back the unnamed
    // rows that the vertical rule and the cutoff alone would keep.
    long unnamedThatWouldPass =
        rows.stream()
            .filter(e -> !e.hasName())
            .filter(e -> !"Games".equals(e.vertical1()))
            .filter(e -> e.trainVideoCount() >= 221)
            .count();
    assertEquals(2434, r.report().kept() + unnamedThatWouldPass);
    long countedDirectly =
        rows.stream()
            .filter(e -> !"Games".equals(e.vertical1()))
            .filter(e -> e.trainVideoCount() >= 221)
            .count();
    assertEquals(2434, countedDirectly);
  }

  @Test
  void topNKeepsTheMostFrequentSurvivors() {
    CurationResult r = VocabularyCurator.curate(csv, rulesWithVertical("Games").withTop(100));
    assertEquals(100, r.report().kept());
    assertEquals(2967 - 100, r.report().removed(RemovalReason.NOT_IN_TOP));
    long smallestKept = r.report().smallestKeptTrainVideoCount();
    long largestRemovedSurvivor =
        rows.stream()
            .filter(e -> e.hasName() && !e.verticals().contains("Games"))
            .filter(e -> !r.vocabulary().labels().contains(e))
            .mapToLong(VocabularyEntry::trainVideoCount)
            .max()
            .orElseThrow();
    assertTrue(smallestKept >= largestRemovedSurvivor);
  }

  @Test
  void reportsRemovedCountsPerVerticalAndProgress() {
    AtomicLong lastProgress = new AtomicLong();
    CurationResult r = VocabularyCurator.curate(csv, rulesWithVertical("Games"), lastProgress::set);
    assertEquals(3862, lastProgress.get());
    assertEquals(843, r.report().removedByVertical().get("Games"));
    assertEquals(
        r.report().removed(RemovalReason.EXCLUDED_VERTICAL),
        r.report().removedNames().get("excluded_vertical").size());
  }

  private static CurationRules rulesWithVertical(String vertical) {
    return CurationRules.none().withExcludeVerticals(List.of(vertical));
  }
}
