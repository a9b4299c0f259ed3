package dev.ovid.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.RandomClipCheckpoint;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.core.TinyClipSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoEncoderTest {
  static final TinyClipSpec SPEC = new TinyClipSpec(32, 3, 4, 64, 16, 8, 24, 16);
  @TempDir static Path dir;
  static ClipModel clipModel;
  static ClipModelFrameEncoder clip;

  @BeforeAll
  static void writeRandomClip() throws IOException {
    RandomClipCheckpoint.write(dir.resolve("clip"), SPEC, 7);
    clipModel = ClipModel.load(dir.resolve("clip"), Device.cpu());
    clip = new ClipModelFrameEncoder(clipModel);
  }

  @AfterAll
  static void closeClip() {
    clipModel.close();
  }

  private static NDArray randomFrames(NDManager m, int videos, int frames, long seed) {
    return Tensors.normal(m, new Shape(videos, frames, 3, 16, 16), 0.3, new CounterRandom(seed))
        .add(0.5f)
        .clip(0f, 1f);
  }

  @Test
  void untrainedBranchOnStillVideoEqualsClipImageEmbedding() {
    try (NDManager m = NDManager.newBaseManager()) {
      for (int t = 1; t <= 3; t++) {
        VideoEncoder encoder =
            VideoEncoder.initialize(clip, new VideoEncoderConfig(4, t, 0.5f, Float.NaN), m, 3);
        NDArray frame = randomFrames(m, 1, 1, 11);
        NDArray still = frame.repeat(1, 4);
        NDArray video = encoder.embed(still);
        NDArray image =
            Tensors.normalizeRows(
                clip.encode(encoder.normalizePixels(frame.reshape(1, 3, 16, 16))).imageEmbeds());
        float error = video.sub(image).abs().max().getFloat();
        assertTrue(error < 1e-5f, "T=" + t + ": untrained branch differs from CLIP by " + error);
      }
    }
  }

  @Test
  void embeddingsAreUnitRowsAndDependOnFrameOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoEncoder encoder =
          VideoEncoder.initialize(clip, new VideoEncoderConfig(4, 2, 0.5f, Float.NaN), m, 3);
      NDArray videos = randomFrames(m, 3, 4, 12);
      float untrained =
          encoder.embed(videos.flip(1)).sub(encoder.embed(videos)).abs().max().getFloat();
      assertTrue(untrained < 1e-6f, "an untrained branch should ignore frame order: " + untrained);
      // give the temporal attention a non-zero output so frame order matters
      Map<String, NDArray> p = encoder.trainableParameters();
      p.get("video.branch.block0.temporal.out_proj.weight")
          .addi(Tensors.normal(m, new Shape(32, 32), 1.0, new CounterRandom(5)));
      p.get("video.branch.pos.temporal")
          .addi(Tensors.normal(m, new Shape(4, 32), 2.0, new CounterRandom(6)));
      NDArray e = encoder.embed(videos);
      assertEquals(new Shape(3, 24), e.getShape());
      float[] norms = e.norm(new int[] {1}).toFloatArray();
      for (float n : norms) {
        assertEquals(1f, n, 1e-5f);
      }
      NDArray reversed = videos.flip(1);
      float change = encoder.embed(reversed).sub(e).abs().max().getFloat();
      assertTrue(change > 1e-5f, "reversing frames changed the embedding by only " + change);
    }
  }

  /** Gradients of every branch tensor for one backward pass, optionally with a GC in between. */
  private static Map<String, float[]> branchGradients(boolean collectGarbage) {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoEncoder encoder =
          VideoEncoder.initialize(clip, new VideoEncoderConfig(2, 2, 0.5f, Float.NaN), m, 3);
      Map<String, NDArray> params = encoder.trainableParameters();
      params.values().forEach(p -> p.setRequiresGradient(true));
      NDArray frames = randomFrames(m, 2, 2, 21);
      NDArray direction = Tensors.normal(m, new Shape(2, 24), 1.0, new CounterRandom(22));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = encoder.embed(frames, 0.3f).mul(direction).sum();
        if (collectGarbage) {
          for (int i = 0; i < 3; i++) {
            System.gc();
            java.util.List<java.nio.ByteBuffer> churn = new java.util.ArrayList<>();
            for (int j = 0; j < 5000; j++) {
              churn.add(java.nio.ByteBuffer.allocateDirect(4).putFloat(0, 1e30f));
            }
          }
        }
        collector.backward(loss);
      }
      Map<String, float[]> out = new java.util.LinkedHashMap<>();
      params.forEach((k, v) -> out.put(k, v.getGradient().toFloatArray()));
      return out;
    }
  }

  @Test
  void branchGradientsSurviveAGarbageCollectionBetweenForwardAndBackward() {
    // DJL 0.35 frees the scalar of mul(Number) & co. right after the op; a graph that kept one
    // would read freed memory in backward
    Map<String, float[]> clean = branchGradients(false);
    Map<String, float[]> afterGc = branchGradients(true);
    clean.forEach(
        (k, v) -> {
          float[] g = afterGc.get(k);
          for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], g[i], 1e-6f + 1e-4f * Math.abs(v[i]), k + "[" + i + "]");
          }
        });
  }

  @Test
  void acceptsUint8PixelsLikeTheirFloatEquivalent() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoEncoder encoder =
          VideoEncoder.initialize(clip, new VideoEncoderConfig(2, 1, 0.5f, Float.NaN), m, 3);
      NDArray bytes = randomFrames(m, 2, 2, 4).mul(255f).round().toType(DataType.UINT8, false);
      NDArray floats = bytes.toType(DataType.FLOAT32, false).div(255f);
      float diff = encoder.embed(bytes).sub(encoder.embed(floats)).abs().max().getFloat();
      assertTrue(diff < 1e-6f, "uint8 and float pixels disagree by " + diff);
    }
  }

  @Test
  void rejectsFramesOfTheWrongSize() {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoEncoder encoder =
          VideoEncoder.initialize(clip, new VideoEncoderConfig(2, 1, 0.5f, Float.NaN), m, 3);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> encoder.embed(m.zeros(new Shape(1, 2, 3, 20, 20))));
      assertTrue(e.getMessage().contains("16x16"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> encoder.embed(m.zeros(new Shape(1, 3, 3, 16, 16))));
    }
  }

  @Test
  void branchRejectsMoreTemporalLayersThanClipHas() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> VideoEncoder.initialize(clip, new VideoEncoderConfig(2, 4, 0.5f, Float.NaN), m, 3));
    }
  }
}
