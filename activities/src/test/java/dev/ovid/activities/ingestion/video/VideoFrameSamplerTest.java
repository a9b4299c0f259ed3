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
  void samplesTheSameFramesAsConvertingEveryDecodedFrame() throws Exception {
    Path video = dir.resolve("demo.mp4");
    new dev.ovid.activities.curation.demo.DemoVideoWriter()
        .write(dev.ovid.registry.dataset.demo.DemoDataset.clips().get(3), video);
    // The reference: every frame decoded and converted, frame floor((i + 0.5) * n / F) kept.
    List<int[]> all = new java.util.ArrayList<>();
    try (var grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(video.toFile());
        var converter = new org.bytedeco.javacv.Java2DFrameConverter()) {
      grabber.start();
      org.bytedeco.javacv.Frame frame;
      while ((frame = grabber.grabImage()) != null) all.add(rgb(converter.convert(frame)));
    }
    for (int f : new int[] {1, 3, 8}) {
      List<BufferedImage> sampled = new VideoFrameSampler(f).sample(video);
      assertEquals(f, sampled.size());
      for (int i = 0; i < f; i++) {
        int index = (int) Math.min(all.size() - 1, Math.floor((i + 0.5) * all.size() / f));
        assertArrayEquals(all.get(index), rgb(sampled.get(i)), "F=" + f + ", frame " + i);
      }
    }
  }

  private static int[] rgb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void bytesAndTensorsHoldTheSamePixels() {
    BufferedImage image = new BufferedImage(50, 30, BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random(3);
    for (int y = 0; y < 30; y++) for (int x = 0; x < 50; x++) image.setRGB(x, y, random.nextInt());
    var preprocessor = new ClipPreprocessor(24, false);
    byte[] bytes = preprocessor.toBytes(List.of(image, image));
    float[] tensor = preprocessor.toTensor(List.of(image, image));
    assertEquals(2 * 3 * 24 * 24, bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      assertEquals((bytes[i] & 0xff) / 255f, tensor[i], 1e-6, "value " + i);
    }
    // Channel planes in R, G, B order: the crop's top-left pixel of the resized frame.
    BufferedImage resized = new BufferedImage(40, 24, BufferedImage.TYPE_INT_RGB);
    var g = resized.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_INTERPOLATION,
        java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, 40, 24, null);
    g.dispose();
    int rgb = resized.getRGB(8, 0);
    assertEquals((rgb >> 16) & 0xff, bytes[0] & 0xff);
    assertEquals((rgb >> 8) & 0xff, bytes[24 * 24] & 0xff);
    assertEquals(rgb & 0xff, bytes[2 * 24 * 24] & 0xff);
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
