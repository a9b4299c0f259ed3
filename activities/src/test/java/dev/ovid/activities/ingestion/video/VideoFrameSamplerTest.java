package dev.ovid.activities.ingestion.video;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFrameSamplerTest {
  @TempDir Path dir;

  @Test
  void rejectsAFileThatIsNotAVideoNamingIt() throws Exception {
    Path broken = dir.resolve("broken.mp4");
    Files.write(broken, "this is not a video".getBytes());
    var error =
        assertThrows(VideoDecodeException.class, () -> new VideoFrameSampler(8).sample(broken));
    assertTrue(error.getMessage().contains("broken.mp4"), error.getMessage());
    assertEquals(broken.toString(), error.uri());
  }

  @Test
  void rejectsATruncatedVideo() throws Exception {
    Path good = dir.resolve("good.mp4");
    new dev.ovid.activities.curation.demo.DemoVideoWriter()
        .write(dev.ovid.registry.dataset.demo.DemoDataset.clips().get(0), good);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.mp4");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThrows(VideoDecodeException.class, () -> new VideoFrameSampler(8).sample(cut));
  }

  @Test
  void preprocessingCropsTheCenterAndNormalizesWithClipStatistics() {
    BufferedImage wide = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
    var g = wide.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 80, 40);
    g.setColor(Color.WHITE);
    g.fillRect(20, 0, 40, 40); // exactly the center square
    g.dispose();

    float[] tensor = new ClipPreprocessor(20).toTensor(List.of(wide));

    assertEquals(3 * 20 * 20, tensor.length);
    for (int c = 0; c < 3; c++) {
      float white = (1f - ClipPreprocessor.MEAN[c]) / ClipPreprocessor.STD[c];
      assertEquals(white, tensor[c * 400 + 10 * 20 + 10], 1e-3, "channel " + c + " center");
    }
  }
}
