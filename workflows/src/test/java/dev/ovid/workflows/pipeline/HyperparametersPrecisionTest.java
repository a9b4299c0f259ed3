package dev.ovid.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HyperparametersPrecisionTest {
  @Test
  void runsRecordedBeforeThePrecisionKnobReadAsAuto() throws Exception {
    String old =
        "{\"epochs\":3,\"batchSize\":4,\"learningRate\":0.001,\"temperature\":0.07,"
            + "\"negativeWeight\":1.0,\"swrLambda\":0.5,\"temporalLayers\":2,"
            + "\"checkpointEverySteps\":5,\"seed\":42}";
    Hyperparameters h = new ObjectMapper().readValue(old, Hyperparameters.class);
    assertEquals(Hyperparameters.AUTO, h.precision());
    // Such runs also predate the model as a run parameter: they keep training what they trained.
    assertNull(h.model());
    assertEquals(
        Hyperparameters.defaults().withModel(null).asMap(), h.asMap(), "every other knob as is");
  }

  @Test
  void precisionIsRecordedAndValidated() {
    Hyperparameters bf16 = new Hyperparameters(3, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 42L, "bf16");
    assertEquals("bf16", bf16.asMap().get("precision"));
    assertTrue(bf16.problems().isEmpty());
    Hyperparameters fp16 = new Hyperparameters(3, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 42L, "fp16");
    assertEquals("fp16", fp16.asMap().get("precision"));
    assertTrue(fp16.problems().isEmpty(), "fp16 with loss scaling: " + fp16.problems());
    Hyperparameters bad = new Hyperparameters(3, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 42L, "fp8");
    assertEquals(1, bad.problems().size());
    assertTrue(bad.problems().get(0).contains("precision"));
  }
}
