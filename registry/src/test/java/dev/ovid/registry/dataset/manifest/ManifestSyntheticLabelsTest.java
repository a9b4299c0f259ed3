package dev.ovid.registry.dataset.manifest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSyntheticLabelsTest {
  private static final ManifestEntry A =
      new ManifestEntry("a", "s3://b/a.mp4", "1".repeat(64), List.of("red"), "train");

  @Test
  void entriesWithoutSyntheticLabelsKeepTheirOldBytes() {
    String line = new String(DatasetManifest.write(List.of(A)), StandardCharsets.UTF_8);
    assertEquals(
        "{\"id\":\"a\",\"uri\":\"s3://b/a.mp4\",\"sha256\":\""
            + "1".repeat(64)
            + "\",\"labels\":[\"red\"],\"split\":\"train\"}\n",
        line);
  }

  @Test
  void syntheticLabelsRoundTripWithProvenance() {
    var labelled =
        A.withSynthetic(
            List.of(
                new SyntheticManifestLabel("circle", "chat:tiny", null),
                new SyntheticManifestLabel("blue", "teacher:ovid@2", 0.75)));
    byte[] bytes = DatasetManifest.write(List.of(labelled));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"synthetic\":[{\"label\":\"circle\",\"source\":\"chat:tiny\"}"));
    var read = DatasetManifest.read(new ByteArrayInputStream(bytes), "m.jsonl");
    assertEquals(List.of(labelled), read);
    assertEquals(List.of("red", "circle", "blue"), read.get(0).allLabels());
    assertEquals(List.of("red"), read.get(0).labels());
  }

  @Test
  void diffCountsAVideoWhoseSyntheticLabelsChanged() {
    var labelled = A.withSynthetic(List.of(new SyntheticManifestLabel("blue", "chat:x", null)));
    var diff = DatasetDiff.between(List.of(A), List.of(labelled));
    assertEquals(java.util.Set.of("a"), diff.videosChanged());
    assertTrue(diff.videosAdded().isEmpty());
  }
}
