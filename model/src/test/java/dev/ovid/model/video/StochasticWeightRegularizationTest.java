package dev.ovid.model.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.core.CounterRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StochasticWeightRegularizationTest {
  @Test
  void alphaAlwaysLiesWithinZeroAndLambdaAndCoversTheRange() {
    for (float lambda : new float[] {0f, 0.1f, 0.5f, 1f}) {
      StochasticWeightRegularization swr = new StochasticWeightRegularization(lambda, Float.NaN);
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int step = 0; step < 20_000; step++) {
        float alpha = swr.sampleAlpha(new CounterRandom(42, 3, step));
        assertTrue(
            alpha >= 0f && alpha <= lambda, "alpha " + alpha + " outside [0, " + lambda + "]");
        min = Math.min(min, alpha);
        max = Math.max(max, alpha);
      }
      assertTrue(
          min <= lambda * 0.01f && max >= lambda * 0.99f,
          "draws do not cover [0, λ]: " + min + ".." + max);
      assertEquals(lambda / 2f, swr.evalAlpha(), 0f);
    }
  }

  @Test
  void blendIsConvexCombinationOfFineTunedAndFrozen() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray frozen = m.create(new float[] {1f, 2f, -3f});
      NDArray tuned = m.create(new float[] {3f, 2f, 1f});
      NDArray mixed =
          StochasticWeightRegularization.blend(Map.of("w", tuned), Map.of("w", frozen), 0.25f)
              .get("w");
      float[] expected = {1.5f, 2f, -2f};
      float[] actual = mixed.toFloatArray();
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-6f);
      }
    }
  }
}
