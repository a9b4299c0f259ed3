package dev.ovid.activities.curation.demo;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.activities.ingestion.video.VideoFrameSampler;
import dev.ovid.model.shapes.ShapesWorld;
import dev.ovid.registry.dataset.demo.DemoClip;
import dev.ovid.registry.dataset.demo.DemoDataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoVideoWriterTest {
  @TempDir Path dir;

  @Test
  void datasetCoversEveryCombinationOnceWithAHeldOutQuarter() {
    List<DemoClip> clips = DemoDataset.clips();
    assertEquals(48, clips.size());
    assertEquals(48, clips.stream().map(c -> c.labels()).distinct().count());
    List<DemoClip> eval = clips.stream().filter(c -> c.split().equals("eval")).toList();
    assertEquals(12, eval.size());
    // Every entity and every motion is both trained on and evaluated.
    for (String label : DemoDataset.labels()) {
      assertTrue(eval.stream().anyMatch(c -> c.labels().contains(label)), label);
      assertTrue(
          clips.stream()
              .filter(c -> c.split().equals("train"))
              .anyMatch(c -> c.labels().contains(label)),
          label);
    }
  }

  @Test
  void labelsAreTheShapesBenchmarksEntitiesAndActions() {
    assertEquals(16, DemoDataset.labels().size());
    assertTrue(ShapesWorld.entityLabels().containsAll(DemoDataset.entityLabels()));
    assertEquals(ShapesWorld.actionLabels(), DemoDataset.actionLabels());
    assertEquals(List.of("red square", "moving left"), DemoDataset.clips().get(0).labels());
    assertEquals(2.0 / 16, DemoDataset.chanceAupr());
    for (DemoClip clip : DemoDataset.clips()) {
      assertEquals(clip.labels(), DemoVideoWriter.shapesClip(clip).labels());
    }
  }

  @Test
  void writesTheSameBytesEveryTime() throws Exception {
    DemoClip clip = DemoDataset.clips().get(7);
    Path a = dir.resolve("a.mp4");
    Path b = dir.resolve("b.mp4");
    new DemoVideoWriter().write(clip, a);
    new DemoVideoWriter().write(clip, b);
    assertEquals(sha256(a), sha256(b));
  }

  @Test
  void decodedFramesShowTheShapeMovingTheRightWay() throws Exception {
    DemoClip clip = new DemoClip("t", "red", "square", "right", "train");
    Path video = dir.resolve("right.mp4");
    new DemoVideoWriter().write(clip, video);

    List<BufferedImage> frames = new VideoFrameSampler(8).sample(video);

    assertEquals(8, frames.size());
    double first = redCentroidX(frames.get(0));
    double last = redCentroidX(frames.get(7));
    // The shapes world's paths cover 30-45 % of the frame.
    assertTrue(last > first + 12, "centroid moved from " + first + " to " + last);
  }

  private static double redCentroidX(BufferedImage image) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 100) {
          sum += x;
          count++;
        }
      }
    }
    assertTrue(count > 100, "red pixels: " + count);
    return sum / count;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
