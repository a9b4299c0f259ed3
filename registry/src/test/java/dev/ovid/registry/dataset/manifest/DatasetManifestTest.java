package dev.ovid.registry.dataset.manifest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetManifestTest {
  private static final ManifestEntry A =
      new ManifestEntry("a", "s3://b/a.mp4", "1".repeat(64), List.of("red"), "train");
  private static final ManifestEntry B =
      new ManifestEntry("b", "s3://b/b.mp4", "2".repeat(64), List.of("blue", "circle"), "eval");

  @Test
  void sameContentInAnyOrderGivesTheSameBytes() {
    assertArrayEquals(DatasetManifest.write(List.of(A, B)), DatasetManifest.write(List.of(B, A)));
    byte[] bytes = DatasetManifest.write(List.of(B, A));
    assertEquals(List.of(A, B), DatasetManifest.read(new ByteArrayInputStream(bytes), "m.jsonl"));
  }

  @Test
  void badLinesAreNamedWithTheirNumber() {
    String text =
        new String(DatasetManifest.write(List.of(A)), StandardCharsets.UTF_8)
            + "{\"id\":\"c\",\"uri\":\"s3://b/c.mp4\",\"labels\":[],\"split\":\"train\"}\n";
    var error =
        assertThrows(
            ManifestFormatException.class,
            () ->
                DatasetManifest.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m.jsonl"));
    assertEquals("m.jsonl:2: video c has no labels", error.getMessage());

    var duplicate = new String(DatasetManifest.write(List.of(A)), StandardCharsets.UTF_8).repeat(2);
    var dupError =
        assertThrows(
            ManifestFormatException.class,
            () ->
                DatasetManifest.read(
                    new ByteArrayInputStream(duplicate.getBytes(StandardCharsets.UTF_8)),
                    "m.jsonl"));
    assertTrue(dupError.getMessage().contains("duplicate video id a"));

    var garbage =
        assertThrows(
            ManifestFormatException.class,
            () ->
                DatasetManifest.read(
                    new ByteArrayInputStream("{not json\n".getBytes(StandardCharsets.UTF_8)),
                    "m.jsonl"));
    assertTrue(
        garbage.getMessage().startsWith("m.jsonl:1: not a manifest entry"), garbage.getMessage());
  }

  @Test
  void diffListsAddedRemovedAndChangedVideosAndLabels() {
    var changedB = new ManifestEntry("b", B.uri(), B.sha256(), List.of("blue"), "eval");
    var c = new ManifestEntry("c", "s3://b/c.mp4", "3".repeat(64), List.of("moving up"), "train");
    DatasetDiff diff = DatasetDiff.between(List.of(A, B), List.of(changedB, c));
    assertEquals(java.util.Set.of("c"), diff.videosAdded());
    assertEquals(java.util.Set.of("a"), diff.videosRemoved());
    assertEquals(java.util.Set.of("b"), diff.videosChanged());
    assertEquals(java.util.Set.of("moving up"), diff.labelsAdded());
    assertEquals(java.util.Set.of("red", "circle"), diff.labelsRemoved());
    assertTrue(DatasetDiff.between(List.of(A, B), List.of(B, A)).isEmpty());
  }
}
