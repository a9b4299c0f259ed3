package dev.ovid.model.t5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Learnable prefixes in front of a frozen T5: the greedy decoder's hidden states carry gradients
 * back to the prefixes, while every T5 weight stays frozen and untouched.
 */
class T5GradientFlowTest {

  @Test
  void decoderHiddenStatesAreDifferentiableInThePrefixesOnly() {
    try (NDManager manager = NDManager.newBaseManager()) {
      T5Model t5 = T5Model.load(T5Fixtures.root().resolve("flan"), manager);
      Map<String, NDArray> ref = T5Fixtures.reference("flan", manager);
      NDArray prefix = ref.get("prefix").duplicate();
      prefix.setRequiresGradient(true);
      NDArray tokens = t5.embed(ref.get("input_ids"));
      int parameterCount = 0;
      for (Pair<String, Parameter> p : t5.getParameters()) {
        assertFalse(p.getValue().requiresGradient(), p.getKey() + " must be frozen");
        parameterCount++;
      }
      assertTrue(parameterCount > 20, "T5 lists its parameters: " + parameterCount);

      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray encoder = t5.encode(prefix.concat(tokens, 1), ref.get("mask"));
        int steps = (int) ref.get("greedy_tokens").getShape().get(1);
        DecodedSequence decoded = t5.greedyDecode(encoder, ref.get("mask"), steps);
        assertArrayEquals(ref.get("greedy_tokens").toLongArray(), decoded.tokens().toLongArray());
        collector.backward(decoded.hidden().square().sum());
      }
      NDArray gradient = prefix.getGradient();
      assertEquals(new Shape(2, 1, t5.dModel()), gradient.getShape());
      assertTrue(gradient.abs().sum().getFloat() > 0f, "prefixes receive a gradient");
      for (Pair<String, Parameter> p : t5.getParameters()) {
        assertFalse(p.getValue().getArray().hasGradient(), p.getKey() + " has a gradient");
      }
    }
  }

  @Test
  void hiddenStatesOfTheRecomputedPassEqualStepByStepStates() {
    try (NDManager manager = NDManager.newBaseManager()) {
      T5Model t5 = T5Model.load(T5Fixtures.root().resolve("relu-tied"), manager);
      Map<String, NDArray> ref = T5Fixtures.reference("relu-tied", manager);
      NDArray encoder = t5.encode(ref.get("inputs_embeds"), ref.get("mask"));
      DecodedSequence decoded = t5.greedyDecode(encoder, ref.get("mask"), 4);
      long[] all = decoded.tokens().toLongArray();
      for (int step = 0; step < 4; step++) {
        // Decode the prefix [start, y1..y_step] alone: its last state must be hidden[:, step].
        long[] ids = new long[2 * (step + 1)];
        for (int b = 0; b < 2; b++) {
          ids[b * (step + 1)] = t5.config().decoderStartTokenId();
          for (int s = 0; s < step; s++) {
            ids[b * (step + 1) + s + 1] = all[b * 4 + s];
          }
        }
        NDArray states =
            t5.decode(manager.create(ids, new Shape(2, step + 1)), encoder, ref.get("mask"));
        NDArray last = states.get(":, -1, :");
        float error = T5Fixtures.maxAbsError(last, decoded.hidden().get(":, " + step + ", :"));
        assertTrue(error < 1e-5f, "step " + step + " error " + error);
      }
    }
  }

  @Test
  void prefixGradientsSurviveMemoryReuseBeforeBackward() {
    // Guards against DJL's scalar ops (mul(Number)...) whose constants autograd reads after their
    // memory is freed: with them, this gradient turns to garbage once the heap is churned.
    try (NDManager manager = NDManager.newBaseManager()) {
      T5Model t5 = T5Model.load(T5Fixtures.root().resolve("relu-tied"), manager);
      T5Model flan = T5Model.load(T5Fixtures.root().resolve("flan"), manager);
      Map<String, NDArray> ref = T5Fixtures.reference("flan", manager);
      for (T5Model model : new T5Model[] {t5, flan}) {
        float[] clean = prefixGradient(model, ref, false);
        float[] churned = prefixGradient(model, ref, true);
        for (float g : churned) {
          assertTrue(Float.isFinite(g), "finite gradient");
        }
        assertArrayEquals(clean, churned, model.config().feedForward() + " gradient changed");
      }
    }
  }

  private static float[] prefixGradient(T5Model t5, Map<String, NDArray> ref, boolean churn) {
    NDManager manager = ref.get("prefix").getManager();
    NDArray prefix = ref.get("prefix").duplicate();
    prefix.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray encoder =
          t5.encode(prefix.concat(t5.embed(ref.get("input_ids")), 1), ref.get("mask"));
      NDArray hidden = t5.greedyDecode(encoder, ref.get("mask"), 3).hidden();
      NDArray loss = t5.logits(hidden).square().mean();
      if (churn) {
        for (int round = 0; round < 3; round++) {
          System.gc();
          for (int i = 0; i < 500; i++) {
            manager.create(new float[] {Float.NaN, Float.NaN}).close();
          }
        }
      }
      collector.backward(loss);
    }
    return prefix.getGradient().toFloatArray();
  }
}
