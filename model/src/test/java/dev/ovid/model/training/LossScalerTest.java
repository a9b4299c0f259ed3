package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.TinyClipSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic loss scaling (PyTorch's GradScaler rules) alone and inside the trainer. */
class LossScalerTest {
  @TempDir static Path workDir;

  @Test
  void startsAtPyTorchsDefaults() {
    LossScaler scaler = new LossScaler();
    assertEquals(65536f, scaler.scale());
    assertEquals(0, scaler.skippedSteps());
  }

  @Test
  void unscalesGradientsInPlaceAndSeesTheyAreFinite() {
    try (NDManager m = NDManager.newBaseManager()) {
      LossScaler scaler = new LossScaler(1024f, 2000);
      Map<String, NDArray> g = new LinkedHashMap<>();
      g.put("a", m.create(new float[] {1024f, -2048f}));
      g.put("b", m.create(512f));
      assertTrue(scaler.unscale(g));
      assertArrayEquals(new float[] {1f, -2f}, g.get("a").toFloatArray());
      assertEquals(0.5f, g.get("b").getFloat());
    }
  }

  @Test
  void overflowSkipsTheStepAndHalvesTheScale() {
    try (NDManager m = NDManager.newBaseManager()) {
      LossScaler scaler = new LossScaler(65536f, 3);
      assertTrue(scaler.update(true));
      assertEquals(1, scaler.goodSteps());
      for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NaN}) {
        Map<String, NDArray> g = new LinkedHashMap<>();
        g.put("fine", m.create(new float[] {1f, 2f}));
        g.put("overflowed", m.create(new float[] {3f, bad}));
        float before = scaler.scale();
        assertFalse(scaler.update(scaler.unscale(g)), "a step with " + bad + " is skipped");
        assertEquals(before / 2, scaler.scale());
        assertEquals(0, scaler.goodSteps(), "an overflow restarts the growth count");
      }
      assertEquals(2, scaler.skippedSteps());
      assertEquals(16384f, scaler.scale());
    }
  }

  @Test
  void growsAfterTheIntervalOfGoodSteps() {
    LossScaler scaler = new LossScaler(8f, 3);
    scaler.update(true);
    scaler.update(true);
    assertEquals(8f, scaler.scale());
    scaler.update(true);
    assertEquals(16f, scaler.scale(), "doubled after 3 good steps in a row");
    scaler.update(true);
    scaler.update(false);
    scaler.update(true);
    scaler.update(true);
    assertEquals(8f, scaler.scale(), "halved by the overflow, not yet grown again");
    scaler.update(true);
    assertEquals(16f, scaler.scale());
    assertEquals(1, scaler.skippedSteps());
  }

  /**
   * Scaling by a power of two is exact in float32, so a float32 run with the scaler must train as
   * one without it, clipping included, provided gradients are unscaled before they are clipped
   * (clipping scaled gradients would shrink every step by up to S).
   */
  @Test
  void unscalesBeforeClippingAsAFloat32RunWithTheSameSeed() {
    TrainingConfig config =
        OvidTrainerTest.CONFIG.toBuilder().epochs(3).gradientClipNorm(0.05f).build();
    ColourVideos data = OvidTrainerTest.videos(4);
    List<Float> plain;
    Map<String, float[]> plainParams;
    try (OvidModel model = tiny(Precision.FP32, config)) {
      plain = new OvidTrainer(model, config).train(data, TrainingListener.NONE).losses();
      plainParams = OvidTrainerTest.snapshot(model.trainableParameters());
    }
    LossScaler scaler = new LossScaler();
    try (OvidModel model = tiny(Precision.FP32, config)) {
      OvidTrainer trainer = new OvidTrainer(model, config, scaler);
      List<Float> scaled = trainer.train(data, TrainingListener.NONE).losses();
      assertEquals(0, scaler.skippedSteps());
      for (int i = 0; i < plain.size(); i++) {
        assertEquals(plain.get(i), scaled.get(i), 1e-5 * Math.abs(plain.get(i)), "step " + i);
      }
      Map<String, float[]> params = OvidTrainerTest.snapshot(model.trainableParameters());
      plainParams.forEach(
          (name, expected) -> {
            float[] actual = params.get(name);
            for (int i = 0; i < expected.length; i++) {
              assertEquals(expected[i], actual[i], 1e-5 + 1e-4 * Math.abs(expected[i]), name);
            }
          });
    }
  }

  /**
   * An FP16 run started at a scale far too large (2^24): float16 gradients overflow, so the first
   * steps are skipped with the parameters untouched and the scale halved each time, until the scale
   * fits and training moves the parameters again (the overflowed gradients do not leak into later
   * steps).
   */
  @Test
  void fp16RunSkipsOverflowingStepsUntilTheScaleFits() {
    TrainingConfig config = OvidTrainerTest.CONFIG.toBuilder().epochs(6).build();
    ColourVideos data = OvidTrainerTest.videos(4);
    float initial = 1 << 24;
    LossScaler scaler = new LossScaler(initial, 2000);
    try (OvidModel model = tiny(Precision.FP16, config)) {
      model.learnTemperature(0.1); // a learned log(1/τ) among the parameters a skip must spare
      OvidTrainer trainer = new OvidTrainer(model, config, scaler);
      List<Boolean> skipped = new ArrayList<>();
      List<Boolean> moved = new ArrayList<>();
      var previous =
          new java.util.concurrent.atomic.AtomicReference<>(
              OvidTrainerTest.snapshot(model.trainableParameters()));
      long[] skippedSoFar = {0};
      TrainingListener listener =
          new TrainingListener() {
            @Override
            public void onStep(int epoch, long step, long total, float loss, double rate) {
              assertTrue(Float.isFinite(loss), "loss at step " + step);
            }

            @Override
            public void onLossScale(long step, float scale, long skippedSteps) {
              skipped.add(skippedSteps > skippedSoFar[0]);
              skippedSoFar[0] = skippedSteps;
              assertEquals(initial / (1L << skippedSteps), scale, "step " + step);
              Map<String, float[]> now = OvidTrainerTest.snapshot(model.trainableParameters());
              boolean changed = false;
              for (String name : now.keySet()) {
                changed |= !java.util.Arrays.equals(now.get(name), previous.get().get(name));
              }
              moved.add(changed);
              previous.set(now);
            }
          };
      trainer.train(data, listener);
      assertTrue(skipped.get(0), "2^24 overflows float16 gradients at once: " + skipped);
      assertFalse(skipped.get(skipped.size() - 1), "the scale came down to fit: " + skipped);
      for (int i = 0; i < skipped.size(); i++) {
        assertEquals(!skipped.get(i), moved.get(i), "step " + (i + 1) + " " + skipped + moved);
      }
      assertEquals(scaler.skippedSteps(), skipped.stream().filter(s -> s).count());
    }
  }

  /**
   * The scaler's state rides in checkpoints: an FP16 run resumed at step 5 (after skipped steps
   * moved S off its default) continues with the same scale and the same losses.
   */
  @Test
  void fp16RunResumesWithTheCheckpointedScale() {
    TrainingConfig config = OvidTrainerTest.CONFIG.toBuilder().epochs(5).build();
    ColourVideos data = OvidTrainerTest.videos(4);
    RecordingListener recorder = new RecordingListener();
    List<Float> uninterrupted;
    float scaleAtFive;
    LossScaler first = new LossScaler(1 << 24, 2000);
    try (OvidModel model = tiny(Precision.FP16, config)) {
      uninterrupted = new OvidTrainer(model, config, first).train(data, recorder).losses();
      scaleAtFive = recorder.lossScales.get(4);
    }
    assertTrue(
        scaleAtFive < 1 << 24, "steps were skipped before the checkpoint: " + recorder.lossScales);
    Checkpoint atFive = recorder.checkpoint(0);
    assertEquals(5, atFive.step());
    try (OvidModel fresh = tiny(Precision.FP16, config)) {
      OvidTrainer trainer = new OvidTrainer(fresh, config);
      trainer.restore(atFive, data);
      LossScaler restored = trainer.lossScaler().orElseThrow();
      assertEquals(scaleAtFive, restored.scale());
      TrainingResult resumed = trainer.train(data, TrainingListener.NONE);
      assertEquals(uninterrupted.subList(5, uninterrupted.size()), resumed.losses());
      assertEquals(first.scale(), restored.scale());
      assertEquals(first.skippedSteps(), restored.skippedSteps());
    }
  }

  static OvidModel tiny(Precision precision, TrainingConfig config) {
    return OvidModels.tinyRandom(
        TinyClipSpec.tiny(), config.videoEncoderConfig(), config.seed(), workDir, precision);
  }
}
