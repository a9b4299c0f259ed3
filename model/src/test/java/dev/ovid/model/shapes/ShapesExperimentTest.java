package dev.ovid.model.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.training.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two training steps of each configuration of the shapes experiment, on its tiny setting. */
class ShapesExperimentTest {
  @TempDir static Path work;
  static ShapesExperiment.Settings settings = ShapesExperiment.Settings.tiny();
  static Path clipDir;
  static Path t5Dir;

  @BeforeAll
  static void pretrain() {
    clipDir = work.resolve("clip");
    ClipPretraining.Report report =
        ClipPretraining.pretrain(settings.clipSpec(), settings.pretraining(), clipDir, s -> {});
    assertEquals(2, report.steps());
    assertTrue(Float.isFinite(report.firstLoss()) && Float.isFinite(report.lastLoss()));
    assertTrue(Files.isRegularFile(clipDir.resolve("model.safetensors")));
    t5Dir = OvidModels.tinyRandomT5Dir(settings.seed(), work);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"temporal", "fixed-llm", "learnable", "learnable-no-swr", "learnable-anchored"})
  void twoTrainingStepsChangeTheTrainableParameters(String config) {
    ShapesExperiment experiment = new ShapesExperiment(settings, work, s -> {});
    List<ShapesClip> train = experiment.trainClips();
    assertEquals(4, train.size());
    try (OvidModel model = ShapesExperiment.build(config, settings, clipDir, t5Dir)) {
      Map<String, float[]> before = new HashMap<>();
      model.trainableParameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
      assertFalse(before.isEmpty());
      TrainingResult result = ShapesExperiment.train(model, config, settings, train);
      assertEquals(2, result.losses().size());
      result.losses().forEach(l -> assertTrue(Float.isFinite(l), "loss " + l));
      boolean changed = false;
      for (Map.Entry<String, NDArray> e : model.trainableParameters().entrySet()) {
        changed |= !java.util.Arrays.equals(before.get(e.getKey()), e.getValue().toFloatArray());
      }
      assertTrue(changed, config + ": no trainable parameter moved");
      if (config.startsWith("learnable")) {
        assertTrue(model.trainableParameters().containsKey("label.prefixes"));
      }
      double[] aupr =
          ShapesExperiment.evaluate(model, settings, experiment.split(), experiment.testClips());
      assertEquals(5, aupr.length, "seen, held-out, motion, held-out names (all, seen entities)");
      for (double a : aupr) {
        assertTrue(a >= 0 && a <= 1, "AUPR " + a);
      }
    }
  }

  @Test
  void reversalShiftIsZeroForModelsBlindToFrameOrderAndPositiveForOneThatIsNot() {
    ShapesExperiment experiment = new ShapesExperiment(settings, work, s -> {});
    List<ShapesClip> clips = experiment.testClips().subList(0, 6);
    try (OvidModel frameMean = ShapesExperiment.build("frame-mean", settings, clipDir, t5Dir);
        OvidModel temporal = ShapesExperiment.build("temporal", settings, clipDir, t5Dir)) {
      assertEquals(0, ShapesExperiment.reversalShift(frameMean, settings, clips), 1e-5);
      // An untrained branch: zero temporal position embeddings and temporal output projections.
      assertEquals(0, ShapesExperiment.reversalShift(temporal, settings, clips), 1e-5);
      NDArray time = temporal.trainableParameters().get("video.branch.pos.temporal");
      float[] values = new float[Math.toIntExact(time.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (i % 7 - 3) * 0.5f * (i < values.length / 2 ? 1 : -1);
      }
      time.set(values);
      assertTrue(ShapesExperiment.reversalShift(temporal, settings, clips) > 1e-4);
    }
  }

  @Test
  void frameMeanHasNothingToTrainAndIsEvaluatedAsPretrained() {
    ShapesExperiment experiment = new ShapesExperiment(settings, work, s -> {});
    try (OvidModel model = ShapesExperiment.build("frame-mean", settings, clipDir, t5Dir)) {
      assertTrue(model.trainableParameters().isEmpty());
      TrainingResult result =
          ShapesExperiment.train(model, "frame-mean", settings, experiment.trainClips());
      assertEquals(0, result.losses().size());
      assertEquals(0, model.videoEncoder().config().temporalLayers());
    }
  }

  @Test
  void everyConfigurationTrainsWithTheSettingsNegativeWeightAndT() {
    ShapesExperiment.Settings standard = ShapesExperiment.Settings.standard();
    for (String config :
        List.of("temporal", "fixed-llm", "learnable", "learnable-no-swr", "learnable-anchored")) {
      assertEquals(0.1f, ShapesExperiment.trainingConfig(config, standard).negativeWeight());
      assertEquals(4, ShapesExperiment.trainingConfig(config, standard).temporalLayers());
    }
    assertEquals(1f, ShapesExperiment.trainingConfig("temporal", settings).negativeWeight());
  }
}
