package dev.ovid.activities.curation.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ovid.activities.ingestion.tfrecord.TfRecordWriter;
import dev.ovid.activities.ingestion.tfrecord.proto.BytesList;
import dev.ovid.activities.ingestion.tfrecord.proto.Feature;
import dev.ovid.activities.ingestion.tfrecord.proto.Features;
import dev.ovid.activities.ingestion.tfrecord.proto.FloatList;
import dev.ovid.activities.ingestion.tfrecord.proto.Int64List;
import dev.ovid.activities.ingestion.tfrecord.proto.SequenceExample;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationReadersTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    return Path.of("src/test/resources/annotations", name);
  }

  @Test
  void readsKineticsCsvMergingLabelsOfOneClip() {
    Annotations a = Annotations.read(AnnotationFormat.KINETICS, fixture("kinetics400-sample.csv"));
    assertEquals(4, a.videos().size());
    assertEquals(4, a.labels().size());
    assertEquals(5, a.positives());
    assertEquals(Map.of("train", 3, "val", 1), a.splits());
    AnnotatedVideo both = a.videos().get(2);
    assertEquals("--3ouPhoy2A_000020_000030", both.id());
    assertEquals(List.of("passing American football (in game)", "abseiling"), both.labels());
  }

  @Test
  void kineticsErrorsNameFileAndLine() {
    var e =
        assertThrows(
            AnnotationFormatException.class,
            () -> Annotations.read(AnnotationFormat.KINETICS, fixture("kinetics400-bad-time.csv")));
    assertTrue(
        e.getMessage().contains("kinetics400-bad-time.csv:3: time_start is not a number"),
        e.getMessage());
    var header =
        assertThrows(
            AnnotationFormatException.class,
            () -> Annotations.read(AnnotationFormat.KINETICS, fixture("kinetics400-no-split.csv")));
    assertTrue(
        header.getMessage().contains("kinetics400-no-split.csv:1: missing column 'split'"),
        header.getMessage());
  }

  @Test
  void readsActivityNetIgnoringSegments() {
    Annotations a =
        Annotations.read(AnnotationFormat.ACTIVITYNET, fixture("activitynet13-sample.json"));
    assertEquals(3, a.videos().size());
    assertEquals(List.of("Fun sliding down", "Drinking coffee", "Making a sandwich"), a.labels());
    assertEquals(3, a.positives());
    assertEquals(Map.of("training", 1, "validation", 1, "testing", 1), a.splits());
  }

  @Test
  void activityNetErrorsNameTheKeyOrLine() {
    var e =
        assertThrows(
            AnnotationFormatException.class,
            () ->
                Annotations.read(
                    AnnotationFormat.ACTIVITYNET, fixture("activitynet13-no-label.json")));
    assertTrue(
        e.getMessage().contains("database.V1zhqaGFY2A.annotations[1]: missing key 'label'"),
        e.getMessage());
    var truncated =
        assertThrows(
            AnnotationFormatException.class,
            () ->
                Annotations.read(
                    AnnotationFormat.ACTIVITYNET, fixture("activitynet13-truncated.json")));
    assertTrue(
        truncated.getMessage().contains("activitynet13-truncated.json:"), truncated.getMessage());
    assertTrue(truncated.getMessage().contains("malformed JSON"), truncated.getMessage());
  }

  @Test
  void readsTaoCategoriesPresentInEachVideo() {
    Annotations a = Annotations.read(AnnotationFormat.TAO, fixture("tao-validation-sample.json"));
    assertEquals(3, a.videos().size());
    assertEquals(List.of("bicycle", "person"), a.videos().get(0).labels());
    assertEquals(List.of("bicycle"), a.videos().get(1).labels());
    assertEquals(List.of(), a.videos().get(2).labels());
    assertEquals(3, a.positives());
    assertEquals(Map.of("val", 3), a.splits());
  }

  @Test
  void taoErrorsNameTheKey() {
    var e =
        assertThrows(
            AnnotationFormatException.class,
            () -> Annotations.read(AnnotationFormat.TAO, fixture("tao-unknown-category.json")));
    assertTrue(
        e.getMessage().contains("tracks[1].category_id: unknown category id 7"), e.getMessage());
  }

  @Test
  void readsRareActAsVerbNounAndPair() {
    Annotations a = Annotations.read(AnnotationFormat.RAREACT, fixture("rareact-sample.csv"));
    assertEquals(3, a.videos().size());
    assertEquals(List.of("cut", "laptop", "cut laptop"), a.videos().get(0).labels());
    assertEquals(List.of("cut"), a.videos().get(1).labels());
    assertEquals(List.of("laptop", "microwave", "shoes"), a.videos().get(2).labels());
    assertEquals(7, a.positives());
    assertEquals(Map.of("test", 3), a.splits());
  }

  @Test
  void rareActErrorsNameTheLine() {
    var e =
        assertThrows(
            AnnotationFormatException.class,
            () ->
                Annotations.read(AnnotationFormat.RAREACT, fixture("rareact-bad-annotation.csv")));
    assertTrue(
        e.getMessage().contains("rareact-bad-annotation.csv:3: annotation must be 0 to 4"),
        e.getMessage());
  }

  @Test
  void readsYoutube8mSegmentRatings() throws Exception {
    Path file = tmp.resolve("validate0003.tfrecord");
    writeSegments(
        file,
        record("Ab12", List.of(5L, 5L, 7L), List.of(10L, 15L, 30L), List.of(1f, 0f, 0f)),
        record("Cd34", List.of(7L, 9L), List.of(0L, 5L), List.of(1f, 1f)));
    Annotations a = Annotations.read(AnnotationFormat.YT8M_SEGMENTS, file);
    assertEquals(2, a.videos().size());
    assertEquals(List.of("5"), a.videos().get(0).labels());
    assertEquals(List.of("7", "9"), a.videos().get(1).labels());
    assertEquals(3, a.positives());
    assertEquals(Map.of("validate", 2), a.splits());
  }

  @Test
  void youtube8mErrorsNameTheRecord() throws Exception {
    Path file = tmp.resolve("validate0004.tfrecord");
    writeSegments(
        file,
        record("Ab12", List.of(5L), List.of(10L), List.of(1f)),
        record("Cd34", List.of(7L, 9L), List.of(0L), List.of(1f, 1f)));
    var e =
        assertThrows(
            AnnotationFormatException.class,
            () -> Annotations.read(AnnotationFormat.YT8M_SEGMENTS, file));
    assertTrue(e.getMessage().contains("validate0004.tfrecord: record 1 at byte"), e.getMessage());
    assertTrue(e.getMessage().contains("(Cd34)"), e.getMessage());
    Path corrupt = tmp.resolve("validate0005.tfrecord");
    Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
    var framing =
        assertThrows(
            AnnotationFormatException.class,
            () -> Annotations.read(AnnotationFormat.YT8M_SEGMENTS, corrupt));
    assertTrue(framing.getMessage().contains("validate0005.tfrecord"), framing.getMessage());
  }

  @Test
  void missingVideosAreCountedAndListedNotFatal() throws Exception {
    Annotations a = Annotations.read(AnnotationFormat.KINETICS, fixture("kinetics400-sample.csv"));
    Files.createFile(tmp.resolve("--07WQ2iBlw_000001_000011.mp4"));
    Files.createFile(tmp.resolve("-0B3Yd-_M7I_000000_000010.webm"));
    assertEquals(
        List.of("--33Lscn6sk_000004_000014", "--3ouPhoy2A_000020_000030"), a.missingVideos(tmp));
  }

  static byte[] record(String id, List<Long> labels, List<Long> starts, List<Float> scores) {
    Features context =
        Features.newBuilder()
            .putFeature(
                "id",
                Feature.newBuilder()
                    .setBytesList(BytesList.newBuilder().addValue(ByteString.copyFromUtf8(id)))
                    .build())
            .putFeature(
                "labels",
                Feature.newBuilder()
                    .setInt64List(Int64List.newBuilder().addAllValue(labels))
                    .build())
            .putFeature(
                "segment_labels",
                Feature.newBuilder()
                    .setInt64List(Int64List.newBuilder().addAllValue(labels))
                    .build())
            .putFeature(
                "segment_start_times",
                Feature.newBuilder()
                    .setInt64List(Int64List.newBuilder().addAllValue(starts))
                    .build())
            .putFeature(
                "segment_scores",
                Feature.newBuilder()
                    .setFloatList(FloatList.newBuilder().addAllValue(scores))
                    .build())
            .build();
    return SequenceExample.newBuilder().setContext(context).build().toByteArray();
  }

  static void writeSegments(Path file, byte[]... records) throws Exception {
    try (OutputStream out = Files.newOutputStream(file);
        TfRecordWriter writer = new TfRecordWriter(out)) {
      for (byte[] r : records) {
        writer.write(r);
      }
    }
  }
}
