package dev.ovid.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ovid's whole training step (frozen CLIP, temporal branch with SWR, class-name label encoder,
 * objective, clipping, AdamW, cosine schedule) against an independent PyTorch implementation on HF
 * transformers' CLIP, from the same weights: the loss curves agree. Fixture made by {@code
 * model/bench/train_step_bench.py --fixture}.
 */
class TrainerPytorchParityTest {
  @TempDir Path dir;

  @Test
  void lossCurveMatchesPytorchReference() throws Exception {
    JsonNode reference =
        new ObjectMapper()
            .readTree(
                Path.of("src/test/resources/fixtures/training/pytorch_reference.json").toFile());
    int steps = reference.get("steps").asInt();
    JsonNode ovid = TrainStepBenchmark.run(dir, steps).get("losses");
    for (int i = 0; i < steps; i++) {
      double expected = reference.get("losses").get(i).asDouble();
      // float32 sums in a different order: relative error ~1e-7 per step, growing slowly
      assertEquals(
          expected, ovid.get(i).asDouble(), 2e-6 * Math.abs(expected) + 1e-6, "step " + (i + 1));
    }
  }
}
