package dev.ovid.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each wither of {@link ModelSpec} changes its own choices and keeps every other one. */
class ModelSpecTest {

  /** {@code from}'s MLflow params with {@code changed} put over them. */
  private static Map<String, Object> expected(ModelSpec from, Map<String, Object> changed) {
    Map<String, Object> m = new LinkedHashMap<>(from.asFlatMap());
    m.putAll(changed);
    return m;
  }

  private static void changesOnly(UnaryOperator<ModelSpec> wither, Map<String, Object> changed) {
    // A spec whose every choice differs from the defaults the builder could fall back on.
    ModelSpec from =
        new ModelSpec(
            "clip+t5:a,b",
            "templates",
            3,
            5,
            7,
            2,
            6,
            true,
            0.3,
            0.2,
            true,
            11,
            2.5,
            true,
            0.4,
            9.0);
    assertEquals(expected(from, changed), wither.apply(from).asFlatMap());
  }

  @Test
  void eachWitherChangesOnlyItsChoices() {
    changesOnly(s -> s.withBackbone("tiny-random"), Map.of("model.backbone", "tiny-random"));
    changesOnly(s -> s.withLabelEncoder("class-name"), Map.of("model.labelEncoder", "class-name"));
    changesOnly(s -> s.withSwr(false), Map.of("model.swr", false));
    changesOnly(s -> s.withDecayTowardFrozen(false), Map.of("model.decayTowardFrozen", false));
    changesOnly(s -> s.withLearnTemperature(false), Map.of("model.learnTemperature", false));
    changesOnly(
        s -> s.withSoftPrompts(1.0, 32),
        Map.of("model.softPromptScale", 1.0, "model.answerAnchorWeight", 32.0));
    changesOnly(
        s -> s.withSoftPrompts(null, 0),
        Map.of(
            "model.softPromptScale",
            ModelSpec.DEFAULT_SOFT_PROMPT_SCALE,
            "model.answerAnchorWeight",
            0.0));
  }

  @Test
  void anUnchangedBuilderGivesAnEqualSpec() {
    ModelSpec paper = ModelSpec.paper();
    assertEquals(paper, paper.toBuilder().build());
    assertEquals(
        ModelSpec.legacy("clip+t5:x,y"), ModelSpec.legacy("clip+t5:x,y").toBuilder().build());
  }
}
