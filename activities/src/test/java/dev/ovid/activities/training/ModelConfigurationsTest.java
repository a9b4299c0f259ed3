package dev.ovid.activities.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.Precision;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.TrainingResult;
import dev.ovid.model.training.VideoExample;
import dev.ovid.model.video.VideoEncoderConfig;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.pipeline.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two training steps of every model configuration a run can ask for. */
// In the worker app's class loader: libtorch loads once per JVM, and the Quarkus tests of this
// module load it there first.
@io.quarkus.test.junit.QuarkusTest
class ModelConfigurationsTest {
  @TempDir static Path work;

  static Stream<Arguments> configurations() {
    List<Arguments> out = new ArrayList<>();
    for (String encoder : ModelSpec.LABEL_ENCODERS) {
      for (int temporal : new int[] {0, 2}) {
        out.add(Arguments.of(encoder, temporal, true, true));
      }
    }
    // Regularisation variants on the paper's model.
    out.add(Arguments.of("learnable-llm-prompts", 2, false, true));
    out.add(Arguments.of("learnable-llm-prompts", 2, true, false));
    out.add(Arguments.of("class-name", 4, false, false));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, T={1}, swr={2}, decayTowardFrozen={3}")
  @MethodSource("configurations")
  void trainsTwoStepsOfEveryConfiguration(
      String encoder, int temporalLayers, boolean swr, boolean towardFrozen) {
    // The random backbone keeps this test to seconds; ShapesPretrainedBackboneTest and the
    // pipeline test train on the pretrained one.
    ModelSpec spec =
        ModelSpec.paper()
            .withBackbone(ModelSpec.TINY_RANDOM)
            .withLabelEncoder(encoder)
            .withSwr(swr)
            .withDecayTowardFrozen(towardFrozen);
    assertEquals(List.of(), spec.problems());
    float lambda = swr ? 0.5f : 1f;
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(2)
            .learningRate(1e-2f)
            .temporalLayers(temporalLayers)
            .swrLambda(lambda)
            .frames(2)
            .seed(7)
            .weightDecay(0.05f)
            .decayTowardFrozen(towardFrozen)
            .checkpointEverySteps(0)
            .build();
    var video = new VideoEncoderConfig(2, temporalLayers, lambda, Float.NaN, swr);
    try (OvidModel model = ModelBackbones.build(spec, video, 7, Precision.FP32, work)) {
      Map<String, float[]> before = snapshot(model);
      OvidTrainer trainer = new OvidTrainer(model, config);
      TrainingResult result = trainer.train(new Stripes(4, 2, 32), (e, s, t, l, r) -> {});
      assertEquals(2, result.losses().size());
      result.losses().forEach(l -> assertTrue(Float.isFinite(l), "loss " + l));
      boolean frozenOnly = temporalLayers == 0 && !encoder.equals("learnable-llm-prompts");
      assertEquals(frozenOnly, before.isEmpty(), "trainable parameters of " + spec);
      if (!frozenOnly) {
        assertFalse(before.equals(snapshotEquals(model, before)), "no parameter moved");
      }
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray labels = model.embedLabels(List.of("red", "sliding square"), m);
        assertEquals(new Shape(2, model.embedDim()), labels.getShape());
      }
    }
  }

  @Test
  void learnablePromptsTakeTheRunsSoftPromptSizeAndAnswerAnchor() {
    assertEquals(
        dev.ovid.model.label.LearnableLlmPromptConfig.DEFAULT_SOFT_PROMPT_SCALE,
        ModelSpec.DEFAULT_SOFT_PROMPT_SCALE);
    ModelSpec spec = ModelSpec.paper().withBackbone(ModelSpec.TINY_RANDOM).withSoftPrompts(1.0, 32);
    var video = new VideoEncoderConfig(2, 2, 0.5f, Float.NaN, true);
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(2)
            .learningRate(1e-2f)
            .temporalLayers(2)
            .frames(2)
            .seed(7)
            .checkpointEverySteps(0)
            .build();
    try (OvidModel model = ModelBackbones.build(spec, video, 7, Precision.FP32, work)) {
      var prompts =
          ((dev.ovid.model.label.LearnableLlmPromptEncoder) model.labelEncoder()).config();
      assertEquals(1.0, prompts.softPromptScale());
      assertEquals(32.0, prompts.answerAnchorWeight());
      TrainingResult result =
          new OvidTrainer(model, config).train(new Stripes(4, 2, 32), (e, s, t, l, r) -> {});
      assertEquals(2, result.losses().size());
      result.losses().forEach(l -> assertTrue(Float.isFinite(l), "loss " + l));
    }
    try (OvidModel plain =
        ModelBackbones.build(
            ModelSpec.paper().withBackbone(ModelSpec.TINY_RANDOM),
            video,
            7,
            Precision.FP32,
            work)) {
      var prompts =
          ((dev.ovid.model.label.LearnableLlmPromptEncoder) plain.labelEncoder()).config();
      assertEquals(ModelSpec.DEFAULT_SOFT_PROMPT_SCALE, prompts.softPromptScale());
      assertEquals(0.0, prompts.answerAnchorWeight());
    }
  }

  @Test
  void rejectsAnLlmLabelEncoderWithoutT5() {
    ModelSpec spec = ModelSpec.paper().withBackbone("clip:/nowhere");
    assertTrue(spec.problems().get(0).contains("needs a T5"), spec.problems().toString());
    assertThrows(
        BadInputException.class,
        () ->
            ModelBackbones.build(
                ModelSpec.paper().withBackbone("vit:none"),
                VideoEncoderConfig.defaults(),
                1,
                Precision.FP32,
                work));
  }

  private static Map<String, float[]> snapshot(OvidModel model) {
    Map<String, float[]> out = new HashMap<>();
    model.trainableParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
    return out;
  }

  /** {@code before} itself when every parameter is unchanged, otherwise a fresh snapshot. */
  private static Map<String, float[]> snapshotEquals(OvidModel model, Map<String, float[]> before) {
    Map<String, float[]> now = snapshot(model);
    for (var e : now.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), before.get(e.getKey()))) {
        return now;
      }
    }
    return before;
  }

  /** Videos of a bright stripe whose colour decides the label. */
  private record Stripes(int videos, int frames, int size) implements TrainingDataset {
    static final List<String> VOCABULARY = List.of("red", "green", "blue", "still", "sliding");

    @Override
    public int size() {
      return videos;
    }

    @Override
    public List<String> vocabulary() {
      return VOCABULARY;
    }

    @Override
    public VideoExample get(int index, NDManager manager) {
      int colour = index % 3;
      float[] pixels = new float[frames * 3 * size * size];
      for (int f = 0; f < frames; f++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            int stripe = (x + f * (index % 2) * 4) % size < 8 ? 1 : 0;
            pixels[((f * 3 + colour) * size + y) * size + x] = 0.2f + 0.7f * stripe;
          }
        }
      }
      NDArray frames3 = manager.create(pixels, new Shape(frames, 3, size, size));
      return new VideoExample(frames3, new int[] {colour, 3 + index % 2});
    }
  }
}
