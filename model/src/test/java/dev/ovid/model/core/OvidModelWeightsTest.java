package dev.ovid.model.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.video.VideoEncoderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvidModelWeightsTest {
  static final VideoEncoderConfig VIDEO = new VideoEncoderConfig(2, 2, 0.5f, Float.NaN);
  @TempDir Path dir;

  private static NDArray frames(NDManager m) {
    return Tensors.normal(m, new Shape(2, 2, 3, 32, 32), 0.3, new CounterRandom(4))
        .add(0.5f)
        .clip(0f, 1f);
  }

  @Test
  void savedWeightsReloadIntoAFreshModelAndGiveTheSameEmbeddings() throws Exception {
    Path weights = dir.resolve("w.ovid");
    float[] expected;
    try (OvidModel a = OvidModels.tinyRandom(TinyClipSpec.tiny(), VIDEO, 1, dir);
        NDManager m = NDManager.newBaseManager()) {
      a.trainableParameters().get("video.branch.pos.temporal").addi(1f);
      expected = a.embedVideos(frames(m)).toFloatArray();
      a.saveWeights(weights);
    }
    try (OvidModel b = OvidModels.tinyRandom(TinyClipSpec.tiny(), VIDEO, 1, dir);
        NDManager m = NDManager.newBaseManager()) {
      assertFalse(java.util.Arrays.equals(expected, b.embedVideos(frames(m)).toFloatArray()));
      b.loadWeights(weights);
      assertArrayEquals(expected, b.embedVideos(frames(m)).toFloatArray(), 0f);
      NDArray labels = b.embedLabels(List.of("a dog", "a cat"), m);
      assertEquals(new Shape(2, 16), labels.getShape());
      assertEquals(m, labels.getManager());
    }
  }

  @Test
  void weightsOfAnotherShapeAreRefusedByName() throws Exception {
    Path weights = dir.resolve("w.ovid");
    try (OvidModel a = OvidModels.tinyRandom(TinyClipSpec.tiny(), VIDEO, 1, dir)) {
      a.saveWeights(weights);
    }
    VideoEncoderConfig deeper = new VideoEncoderConfig(2, 3, 0.5f, Float.NaN);
    try (OvidModel b = OvidModels.tinyRandom(TinyClipSpec.tiny(), deeper, 1, dir)) {
      TensorArchiveException e =
          assertThrows(TensorArchiveException.class, () -> b.loadWeights(weights));
      assertTrue(e.getMessage().contains("video.branch.block2"), e.getMessage());
    }
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length - 5] ^= 1;
    Files.write(weights, bytes);
    try (OvidModel c = OvidModels.tinyRandom(TinyClipSpec.tiny(), VIDEO, 1, dir)) {
      TensorArchiveException e =
          assertThrows(TensorArchiveException.class, () -> c.loadWeights(weights));
      assertTrue(
          e.getMessage().contains("w.ovid") && e.getMessage().contains("SHA-256"), e.getMessage());
    }
  }

  @Test
  void sameSeedGivesTheSameModel() {
    try (OvidModel a = OvidModels.tinyRandom(TinyClipSpec.tiny(), VIDEO, 5, dir);
        OvidModel b = OvidModels.tinyRandom(TinyClipSpec.tiny(), VIDEO, 5, dir.resolve("other"))) {
      a.trainableParameters()
          .forEach(
              (k, v) ->
                  assertArrayEquals(
                      v.toFloatArray(), b.trainableParameters().get(k).toFloatArray(), 0f, k));
      a.frozenParameters()
          .forEach(
              (k, v) ->
                  assertArrayEquals(
                      v.toFloatArray(), b.frozenParameters().get(k).toFloatArray(), 0f, k));
    }
  }
}
