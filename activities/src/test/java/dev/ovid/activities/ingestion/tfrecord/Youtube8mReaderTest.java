package dev.ovid.activities.ingestion.tfrecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.activities.curation.vocabulary.CuratedVocabulary;
import dev.ovid.activities.curation.vocabulary.CurationRules;
import dev.ovid.activities.curation.vocabulary.VocabularyCurator;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Youtube8mReaderTest {
  private static final JsonNode EXPECTED = Fixtures.expected();

  private static <T extends LabeledVideo<T>> List<T> readAll(Youtube8mReader<T> reader)
      throws IOException {
    List<T> out = new ArrayList<>();
    try (reader) {
      T v;
      while ((v = reader.next()) != null) {
        out.add(v);
      }
    }
    return out;
  }

  private static Youtube8mReader<VideoLevelExample> videoLevel(String name, LabelRemapper remap) {
    return Youtube8mReader.videoLevel(Fixtures.open(name), name, Youtube8mFormat.DEFAULT, remap);
  }

  private static Youtube8mReader<FrameLevelExample> frameLevel(
      String name, Youtube8mFormat format, LabelRemapper remap) {
    return Youtube8mReader.frameLevel(Fixtures.open(name), name, format, remap);
  }

  private static void assertSummary(JsonNode summary, float[] values) {
    JsonNode first = summary.get("first");
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).asDouble(), values[i], 1e-6);
    }
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    assertEquals(summary.get("sum").asDouble(), sum, 1e-3);
  }

  private static float[] flatten(float[][] frames) {
    int n = 0;
    for (float[] f : frames) {
      n += f.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] f : frames) {
      System.arraycopy(f, 0, out, at, f.length);
      at += f.length;
    }
    return out;
  }

  /** The small vocabulary fixture with Games and unnamed labels removed: 0,4,5,6,8,9,10,11. */
  private static CuratedVocabulary curatedSmallVocabulary() throws IOException {
    try (InputStream in =
        Youtube8mReaderTest.class.getResourceAsStream(
            "/fixtures/vocabulary/small_vocabulary.csv")) {
      return VocabularyCurator.curate(
              in,
              "small_vocabulary.csv",
              CurationRules.none().withExcludeVerticals(List.of("Games")),
              rows -> {})
          .vocabulary();
    }
  }

  @Test
  void parsesVideoLevelExamplesWrittenByTensorFlow() throws IOException {
    List<VideoLevelExample> videos =
        readAll(videoLevel("video_level.tfrecord", LabelRemapper.identity()));
    JsonNode records = EXPECTED.get("video_level").get("records");
    assertEquals(records.size(), videos.size());
    for (int i = 0; i < videos.size(); i++) {
      VideoLevelExample v = videos.get(i);
      JsonNode e = records.get(i);
      assertEquals(e.get("id").asText(), v.id());
      assertArrayEquals(Fixtures.ints(e.get("labels")), v.labels());
      assertEquals(1024, v.meanRgb().length);
      assertEquals(128, v.meanAudio().length);
      assertSummary(e.get("mean_rgb"), v.meanRgb());
      assertSummary(e.get("mean_audio"), v.meanAudio());
    }
  }

  @Test
  void parsesFrameLevelExamplesAndDequantizes() throws IOException {
    List<FrameLevelExample> videos =
        readAll(
            frameLevel("frame_level.tfrecord", Youtube8mFormat.DEFAULT, LabelRemapper.identity()));
    JsonNode records = EXPECTED.get("frame_level").get("records");
    assertEquals(records.size(), videos.size());
    for (int i = 0; i < videos.size(); i++) {
      FrameLevelExample v = videos.get(i);
      JsonNode e = records.get(i);
      assertEquals(e.get("id").asText(), v.id());
      assertArrayEquals(Fixtures.ints(e.get("labels")), v.labels());
      assertEquals(e.get("frames").asInt(), v.frames());
      assertSummary(e.get("rgb"), flatten(v.rgb()));
      assertSummary(e.get("audio"), flatten(v.audio()));
      int q = e.get("rgb_first_quantized").get(0).asInt();
      assertEquals(q * 4.0 / 255 + 4.0 / 512 - 2, v.rgb()[0][0], 1e-6);
    }
  }

  @Test
  void truncatesFrameLevelVideosToTheMaximumFrameCount() throws IOException {
    Youtube8mReader<FrameLevelExample> reader =
        frameLevel(
            "frame_level.tfrecord", new Youtube8mFormat(1024, 128, 4), LabelRemapper.identity());
    List<FrameLevelExample> videos = readAll(reader);
    assertEquals(4, videos.get(0).frames());
    assertEquals(5, videos.get(0).framesInRecord());
    assertEquals(3, videos.get(1).frames());
    assertEquals(2, reader.statistics().videosTruncated());
  }

  @Test
  void remapsLabelsToCuratedVocabularyAndDropsVideosLeftWithout() throws IOException {
    Youtube8mReader<VideoLevelExample> reader =
        videoLevel(
            "video_level.tfrecord",
            LabelRemapper.to(curatedSmallVocabulary(), UnknownLabelPolicy.FAIL));
    List<VideoLevelExample> videos = readAll(reader);
    assertEquals(
        List.of("vid-a", "vid-c", "vid-d", "vid-e"),
        videos.stream().map(LabeledVideo::id).toList());
    assertArrayEquals(new int[] {0}, videos.get(0).labels()); // 0 kept; 3 unnamed, 7 Games
    assertArrayEquals(new int[] {2}, videos.get(1).labels()); // 5 -> 2
    assertArrayEquals(new int[] {1, 3}, videos.get(2).labels()); // 4 -> 1, 6 -> 3
    assertArrayEquals(new int[] {4}, videos.get(3).labels()); // 8 -> 4
    ReaderStatistics stats = reader.statistics();
    assertEquals(5, stats.records());
    assertEquals(4, stats.videosReturned());
    assertEquals(1, stats.videosDroppedNoLabels()); // vid-b had only label 1 (Games)
    assertEquals(5, stats.labelsDropped());
    assertEquals(EXPECTED.get("video_level").get("bytes").asLong(), stats.bytes());
  }

  @Test
  void remapsFrameLevelLabels() throws IOException {
    List<FrameLevelExample> videos =
        readAll(
            frameLevel(
                "frame_level.tfrecord",
                Youtube8mFormat.DEFAULT,
                LabelRemapper.to(curatedSmallVocabulary(), UnknownLabelPolicy.FAIL)));
    assertArrayEquals(new int[] {0}, videos.get(0).labels()); // [0, 2] -> [0]
    assertArrayEquals(new int[] {5}, videos.get(1).labels()); // [9, 1] -> [5]
    assertEquals(2, videos.size()); // frm-b had only label 3 (unnamed)
  }

  private static CuratedVocabulary vocabularyOfEightLabels() {
    StringBuilder csv =
        new StringBuilder(
            "Index,TrainVideoCount,KnowledgeGraphId,Name,WikiUrl,Vertical1,Vertical2,Vertical3,"
                + "WikiDescription\n");
    for (int i = 0; i < 8; i++) {
      csv.append(i).append(",100,/m/").append(i).append(",L").append(i).append(",,V,,,\n");
    }
    return VocabularyCurator.curate(
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
            "eight.csv",
            CurationRules.none(),
            rows -> {})
        .vocabulary();
  }

  @Test
  void rejectsUnknownLabelIdUnderFailPolicy() {
    TfRecordFormatException e =
        assertThrows(
            TfRecordFormatException.class,
            () ->
                readAll(
                    videoLevel(
                        "video_level.tfrecord",
                        LabelRemapper.to(vocabularyOfEightLabels(), UnknownLabelPolicy.FAIL))));
    assertEquals(Kind.UNKNOWN_LABEL, e.kind());
    assertEquals(EXPECTED.get("video_level").get("offsets").get(4).asLong(), e.offset());
    assertTrue(e.getMessage().contains("label id 8"), e.getMessage());
  }

  @Test
  void countsUnknownLabelIdsUnderCountPolicy() throws IOException {
    Youtube8mReader<VideoLevelExample> reader =
        videoLevel(
            "video_level.tfrecord",
            LabelRemapper.to(vocabularyOfEightLabels(), UnknownLabelPolicy.COUNT));
    List<VideoLevelExample> videos = readAll(reader);
    assertEquals(4, videos.size());
    assertEquals(1, reader.statistics().unknownLabels());
    assertEquals(1, reader.statistics().videosDroppedNoLabels());
  }

  @Test
  void rejectsWrongFeatureTypeNamingTheFeature() {
    assertBadRecord(
        "wrong_feature_type.tfrecord",
        Kind.WRONG_FEATURE_TYPE,
        () -> readAll(videoLevel("wrong_feature_type.tfrecord", LabelRemapper.identity())));
  }

  @Test
  void rejectsMissingFeatureNamingTheFeature() {
    assertBadRecord(
        "missing_feature.tfrecord",
        Kind.MISSING_FEATURE,
        () -> readAll(videoLevel("missing_feature.tfrecord", LabelRemapper.identity())));
  }

  @Test
  void rejectsFrameLevelFramesOfTheWrongType() {
    assertBadRecord(
        "frame_level_wrong_type.tfrecord",
        Kind.WRONG_FEATURE_TYPE,
        () ->
            readAll(
                frameLevel(
                    "frame_level_wrong_type.tfrecord",
                    Youtube8mFormat.DEFAULT,
                    LabelRemapper.identity())));
  }

  @Test
  void rejectsVideoLevelFileReadAsFrameLevel() {
    TfRecordFormatException e =
        assertThrows(
            TfRecordFormatException.class,
            () ->
                readAll(
                    frameLevel(
                        "video_level.tfrecord",
                        Youtube8mFormat.DEFAULT,
                        LabelRemapper.identity())));
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().startsWith("video_level.tfrecord at byte offset 0"), e.getMessage());
  }

  private static void assertBadRecord(
      String name, Kind kind, org.junit.jupiter.api.function.Executable read) {
    JsonNode expected = EXPECTED.get("corrupt").get(name);
    TfRecordFormatException e = assertThrows(TfRecordFormatException.class, read);
    assertEquals(kind.name(), expected.get("error").asText());
    assertEquals(kind, e.kind());
    assertEquals(expected.get("offset").asLong(), e.offset());
    assertTrue(
        e.getMessage().contains("'" + expected.get("feature").asText() + "'"), e.getMessage());
    assertTrue(e.getMessage().startsWith(name + " at byte offset "), e.getMessage());
  }
}
