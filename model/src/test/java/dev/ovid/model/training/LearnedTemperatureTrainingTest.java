package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.TensorArchiveException;
import dev.ovid.model.core.TinyClipSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** τ learned as CLIP's log-scale parameter: trained, saved with the weights, read back. */
class LearnedTemperatureTrainingTest {
  @TempDir static Path workDir;

  private static OvidModel tinyModel(long seed) {
    return OvidModels.tinyRandom(
        TinyClipSpec.tiny(), OvidTrainerTest.CONFIG.videoEncoderConfig(), seed, workDir);
  }

  private static final TrainingConfig TWO_STEPS =
      OvidTrainerTest.CONFIG.toBuilder().epochs(1).checkpointEverySteps(0).build();

  @Test
  void theLogScaleTrainsIsSavedWithTheWeightsAndLoadsBack() throws Exception {
    byte[] weights;
    double learned;
    try (OvidModel model = tinyModel(21)) {
      model.learnTemperature(0.1);
      assertEquals(0.1, model.learnedTemperature().orElseThrow(), 1e-6);
      assertTrue(model.trainableParameters().containsKey(OvidModel.LOGIT_SCALE));
      TrainingResult result =
          new OvidTrainer(model, TWO_STEPS).train(OvidTrainerTest.videos(4), (e, s, t, l, r) -> {});
      assertEquals(2, result.losses().size());
      learned = model.learnedTemperature().orElseThrow();
      assertNotEquals(0.1, learned, 1e-6, "τ did not move");
      assertTrue(learned >= 0.01 && learned <= 1, "τ outside CLIP's clamp: " + learned);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      model.writeWeights(out);
      weights = out.toByteArray();
    }
    try (OvidModel reloaded = tinyModel(21)) {
      reloaded.learnTemperature(0.07);
      reloaded.readWeights(new ByteArrayInputStream(weights), "trained weights");
      assertEquals(learned, reloaded.learnedTemperature().orElseThrow(), 1e-6);
    }
    try (OvidModel fixed = tinyModel(21)) {
      assertTrue(fixed.learnedTemperature().isEmpty());
      TensorArchiveException e =
          assertThrows(
              TensorArchiveException.class,
              () -> fixed.readWeights(new ByteArrayInputStream(weights), "trained weights"));
      assertTrue(e.getMessage().contains(OvidModel.LOGIT_SCALE), e.getMessage());
    }
  }

  @Test
  void theScaleIsClampedAsClipClampsIt() {
    try (OvidModel model = tinyModel(22)) {
      model.learnTemperature(0.001); // below the clamp: starts at τ = 0.01
      assertEquals(0.01, model.learnedTemperature().orElseThrow(), 1e-6);
      new OvidTrainer(model, TWO_STEPS.toBuilder().learningRate(1f).build())
          .train(OvidTrainerTest.videos(4), (e, s, t, l, r) -> {});
      double tau = model.learnedTemperature().orElseThrow();
      assertTrue(tau >= 0.01 - 1e-6 && tau <= 1 + 1e-6, "τ " + tau);
    }
  }

  @Test
  void theTrainerTellsTheDatasetWhatItWillReadAndReadsIt() {
    List<int[]> plans = new ArrayList<>();
    List<Integer> reads = new ArrayList<>();
    ColourVideos videos = OvidTrainerTest.videos(5);
    TrainingDataset recording =
        new TrainingDataset() {
          @Override
          public int size() {
            return videos.size();
          }

          @Override
          public List<String> vocabulary() {
            return videos.vocabulary();
          }

          @Override
          public VideoExample get(int index, NDManager manager) {
            reads.add(index);
            return videos.get(index, manager);
          }

          @Override
          public void willRead(int[] indices) {
            plans.add(indices.clone());
          }
        };
    try (OvidModel model = tinyModel(23)) {
      new OvidTrainer(model, TWO_STEPS.toBuilder().epochs(2).build())
          .train(recording, (e, s, t, l, r) -> {});
    }
    assertEquals(2, plans.size(), "one plan per epoch");
    int[] planned = new int[10];
    System.arraycopy(plans.get(0), 0, planned, 0, 5);
    System.arraycopy(plans.get(1), 0, planned, 5, 5);
    assertArrayEquals(planned, reads.stream().mapToInt(Integer::intValue).toArray());
  }
}
