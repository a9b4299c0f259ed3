package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.label.LearnableLlmPromptConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's full model (learnable LLM prompts + temporal branch) on the tiny CLIP and T5
 * fixtures.
 */
class LearnablePromptTrainingTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TempDir Path workDir;

  @Test
  void tinyRandomFullModelLearnsWithoutDownloads() {
    TrainingConfig config =
        OvidTrainerTest.CONFIG.toBuilder().epochs(10).learningRate(5e-3f).build();
    LearnableLlmPromptConfig prompts =
        LearnableLlmPromptConfig.defaults()
            .withPrefixes(2)
            .withAttributes(2)
            .withAttributeLength(2);
    try (OvidModel model =
        OvidModels.tinyRandomLearnable(
            TinyClipSpec.tiny(), prompts, config.videoEncoderConfig(), config.seed(), workDir)) {
      ColourVideos data = OvidTrainerTest.videos(8);
      double before = OvidTrainerTest.evaluationLoss(model, data);
      TrainingResult result = new OvidTrainer(model, config).train(data, TrainingListener.NONE);
      double after = OvidTrainerTest.evaluationLoss(model, data);
      assertTrue(
          after < 0.7 * before,
          "loss went from " + before + " to " + after + "; steps " + result.losses());
    }
  }

  @Test
  void gradientsReachOnlyPrefixesPromptTransformerAndBranchWhileClipAndT5StayBitIdentical() {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(3)
            .batchSize(2)
            .learningRate(1e-2f)
            .temporalLayers(2)
            .frames(2)
            .seed(3)
            .checkpointEverySteps(0)
            .build();
    LearnableLlmPromptConfig prompts =
        LearnableLlmPromptConfig.defaults()
            .withPrefixes(2)
            .withAttributes(2)
            .withAttributeLength(2);
    try (OvidModel model =
        OvidModels.learnableLlmPrompt(
            FIXTURES.resolve("clip-tiny"),
            FIXTURES.resolve("t5/flan"),
            FIXTURES.resolve("t5/tokenizer/tokenizer.json"),
            prompts,
            config.videoEncoderConfig(),
            config.seed())) {
      ColourVideos data = new ColourVideos(4, 2, 32, 9);
      Map<String, float[]> frozen = OvidTrainerTest.snapshot(model.frozenParameters());
      Map<String, float[]> trainable = OvidTrainerTest.snapshot(model.trainableParameters());
      assertTrue(
          frozen.keySet().stream().anyMatch(k -> k.startsWith("label.t5.")),
          frozen.keySet().toString());
      assertTrue(frozen.keySet().stream().anyMatch(k -> k.startsWith("label.clip_text.")));
      assertTrue(frozen.keySet().stream().anyMatch(k -> k.startsWith("video.clip.")));
      assertTrue(trainable.containsKey("label.prefixes"), trainable.keySet().toString());

      new OvidTrainer(model, config).train(data, TrainingListener.NONE);

      Map<String, NDArray> frozenAfter = model.frozenParameters();
      frozen.forEach(
          (k, v) -> {
            assertFalse(frozenAfter.get(k).hasGradient(), k + " received a gradient");
            assertArrayEquals(v, frozenAfter.get(k).toFloatArray(), 0f, k + " changed");
          });
      Map<String, float[]> after = OvidTrainerTest.snapshot(model.trainableParameters());
      trainable.forEach((k, v) -> assertFalse(Arrays.equals(v, after.get(k)), k + " never moved"));
    }
  }
}
