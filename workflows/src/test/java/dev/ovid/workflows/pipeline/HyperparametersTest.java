package dev.ovid.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void runsFromBeforeTheModelWasAParameterReadWithoutOne() throws Exception {
    Hyperparameters old =
        json.readValue(
            "{\"epochs\":2,\"batchSize\":8,\"learningRate\":0.001,\"temperature\":0.07,"
                + "\"negativeWeight\":1.0,\"swrLambda\":0.5,\"temporalLayers\":2,"
                + "\"checkpointEverySteps\":4,\"seed\":7}",
            Hyperparameters.class);
    assertNull(old.model());
    assertEquals("class-name", ModelSpec.legacy("tiny-random").labelEncoder());
  }

  @Test
  void theRecordedMapReadsBackAsTheSameHyperparameters() throws Exception {
    Hyperparameters h = ModelPreset.named("learnable-no-swr").applyTo(Hyperparameters.defaults());
    String written = json.writeValueAsString(h.asMap());
    assertEquals(h, json.readValue(written, Hyperparameters.class));
    assertEquals("learnable-llm-prompts", h.asFlatMap().get("model.labelEncoder"));
    assertEquals(false, h.asFlatMap().get("model.swr"));
  }

  @Test
  void everyPresetIsValid() {
    for (ModelPreset p : ModelPreset.all()) {
      assertEquals(List.of(), p.applyTo(Hyperparameters.defaults()).problems(), p.name());
    }
    assertEquals("learnable-llm-prompts", Hyperparameters.defaults().model().labelEncoder());
  }

  @Test
  void rejectsBadModelChoices() {
    ModelSpec bad =
        new ModelSpec(
            "vit:x", "magic", 0, 1, 1, -1, 0, true, 2.0, -1, true, -1, -1, false, null, 0);
    List<String> problems = bad.problems();
    assertEquals(9, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("model.backbone"));
    assertTrue(
        ModelSpec.paper()
            .withBackbone("clip+t5:a,")
            .problems()
            .get(0)
            .startsWith("model.backbone"));
  }

  @Test
  void theShapesPretrainedBackboneIsTheDefaultAndTinyRandomStaysAvailable() {
    assertEquals(ModelSpec.SHAPES_PRETRAINED, Hyperparameters.defaults().model().backbone());
    assertEquals(List.of(), ModelSpec.paper().problems());
    assertEquals(List.of(), ModelSpec.paper().withBackbone(ModelSpec.TINY_RANDOM).problems());
    assertEquals(
        List.of(),
        ModelSpec.paper()
            .withBackbone(ModelSpec.SHAPES_PRETRAINED)
            .withLabelEncoder("class-name")
            .problems());
    List<String> problems = ModelSpec.paper().withBackbone("shapes-pretrained:x").problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("shapes-pretrained"), problems.get(0));
  }

  @Test
  void learnedTemperatureIsAValidatedRecordedModelChoice() throws Exception {
    Hyperparameters learned =
        Hyperparameters.defaults().withModel(ModelSpec.paper().withLearnTemperature(true));
    assertEquals(List.of(), learned.problems());
    assertEquals(true, learned.asFlatMap().get("model.learnTemperature"));
    assertEquals(false, Hyperparameters.defaults().asFlatMap().get("model.learnTemperature"));
    String written = json.writeValueAsString(learned.asMap());
    assertEquals(learned, json.readValue(written, Hyperparameters.class));

    Hyperparameters tooWarm =
        new Hyperparameters(3, 4, 1e-3, 5.0, 1.0, 0.5, 2, 5, 42L, learned.model());
    assertEquals(1, tooWarm.problems().size(), tooWarm.problems().toString());
    assertTrue(
        tooWarm
            .problems()
            .get(0)
            .startsWith("temperature must be in [0.01, 1] when it is learned"));
    // A fixed τ may be anything in (0, 10].
    assertEquals(List.of(), new Hyperparameters(3, 4, 1e-3, 5.0, 1.0, 0.5, 2, 5, 42L).problems());
  }

  @Test
  void modelChoicesRecordedBeforeLearnedTemperatureReadAsFixed() throws Exception {
    String old =
        json.writeValueAsString(Hyperparameters.defaults().asMap())
            .replace(",\"learnTemperature\":false", "");
    assertTrue(!old.contains("learnTemperature"), old);
    assertEquals(false, json.readValue(old, Hyperparameters.class).model().learnTemperature());
  }

  @Test
  void softPromptSizeAndAnswerAnchorAreValidatedRecordedModelChoices() throws Exception {
    Hyperparameters anchored =
        ModelPreset.named("learnable-anchored").applyTo(Hyperparameters.defaults());
    assertEquals(List.of(), anchored.problems());
    assertEquals(1.0, anchored.asFlatMap().get("model.softPromptScale"));
    assertEquals(32.0, anchored.asFlatMap().get("model.answerAnchorWeight"));
    assertEquals(
        anchored, json.readValue(json.writeValueAsString(anchored.asMap()), Hyperparameters.class));
    // The paper's model: the default size, recorded as a number, and no anchor.
    assertEquals(0.1, Hyperparameters.defaults().asFlatMap().get("model.softPromptScale"));
    assertEquals(0.0, Hyperparameters.defaults().asFlatMap().get("model.answerAnchorWeight"));

    List<String> problems = ModelSpec.paper().withSoftPrompts(0.0, -1).problems();
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("model.softPromptScale"), problems.get(0));
    assertTrue(problems.get(1).startsWith("model.answerAnchorWeight"), problems.get(1));
    assertEquals(1, ModelSpec.paper().withSoftPrompts(Double.NaN, 0).problems().size());
  }

  @Test
  void modelChoicesRecordedBeforeSoftPromptSizeAndAnchorReadAsTheDefaults() throws Exception {
    String old =
        json.writeValueAsString(Hyperparameters.defaults().asMap())
            .replace(",\"softPromptScale\":null", "")
            .replace(",\"answerAnchorWeight\":0.0", "");
    assertTrue(!old.contains("softPromptScale") && !old.contains("answerAnchorWeight"), old);
    ModelSpec read = json.readValue(old, Hyperparameters.class).model();
    assertEquals(ModelSpec.DEFAULT_SOFT_PROMPT_SCALE, read.softPromptScaleOrDefault());
    assertEquals(0.0, read.answerAnchorWeight());
  }
}
