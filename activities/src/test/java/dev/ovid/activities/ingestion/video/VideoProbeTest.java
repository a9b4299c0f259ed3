package dev.ovid.activities.ingestion.video;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.activities.curation.demo.DemoVideoWriter;
import dev.ovid.registry.dataset.demo.DemoDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
  @TempDir Path dir;

  @Test
  void acceptsAVideoThatDecodes() throws Exception {
    Path video = dir.resolve("ok.mp4");
    new DemoVideoWriter().write(DemoDataset.clips().get(0), video);
    assertDoesNotThrow(() -> VideoProbe.check(video, "s3://b/ok.mp4"));
  }

  @Test
  void namesTheUriAndReasonOfAVideoThatDoesNot() throws Exception {
    Path text = Files.writeString(dir.resolve("text.mp4"), "not a video at all");
    var e =
        assertThrows(VideoDecodeException.class, () -> VideoProbe.check(text, "s3://b/text.mp4"));
    assertEquals("s3://b/text.mp4", e.uri());
    assertTrue(e.getMessage().startsWith("cannot decode video s3://b/text.mp4: "), e.getMessage());

    Path truncated = dir.resolve("truncated.mp4");
    new DemoVideoWriter().write(DemoDataset.clips().get(1), truncated);
    byte[] bytes = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, 200));
    assertThrows(VideoDecodeException.class, () -> VideoProbe.check(truncated, "truncated"));

    var missing =
        assertThrows(
            VideoDecodeException.class, () -> VideoProbe.check(dir.resolve("none.mp4"), "none"));
    assertTrue(missing.getMessage().contains("no such file"));
  }
}
