package dev.ovid.model.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import dev.ovid.model.training.AdamW;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The paper's learnable LLM prompting on tiny random CLIP and Flan-T5 checkpoints. */
class LearnableLlmPromptEncoderTest {
  private static final List<String> LABELS = List.of("dog", "playing the guitar", "red car");
  private static final LearnableLlmPromptConfig CONFIG =
      LearnableLlmPromptConfig.defaults()
          .withPrefixes(3)
          .withAttributes(2)
          .withAttributeLength(3)
          .withTransformer(1, 4)
          .withSeed(11);

  private static ClipModel clip;
  private static NDManager manager;
  private static T5Model t5;
  private static SentencePieceTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    clip = ClipModel.load(LabelFixtures.clip());
    manager = NDManager.newBaseManager(clip.device());
    t5 = T5Model.load(LabelFixtures.t5(), manager);
    tokenizer = SentencePieceTokenizer.load(LabelFixtures.t5Tokenizer());
  }

  @AfterAll
  static void close() {
    manager.close();
    clip.close();
  }

  private static LearnableLlmPromptEncoder encoder(LearnableLlmPromptConfig config) {
    return new LearnableLlmPromptEncoder(clip, t5, tokenizer, config, manager);
  }

  @Test
  void producesOneUnitEmbeddingPerLabel() {
    LearnableLlmPromptEncoder encoder = encoder(CONFIG);
    NDArray out = encoder.encode(LABELS);
    assertEquals(new Shape(LABELS.size(), clip.config().projectionDim()), out.getShape());
    assertEquals(clip.config().projectionDim(), encoder.embedDim());
    assertTrue(LabelFixtures.unitNormError(out) < 1e-5f);
    assertTrue(encoder.trainable());
    assertEquals(
        new Shape(3, t5.dModel()), encoder.trainableParameters().get("prefixes").getShape());
  }

  @Test
  void labelsEncodedTogetherEqualLabelsEncodedAlone() {
    LearnableLlmPromptEncoder encoder = encoder(CONFIG);
    NDArray together = encoder.encode(LABELS);
    for (int i = 0; i < LABELS.size(); i++) {
      NDArray alone = encoder.encode(List.of(LABELS.get(i)));
      float error = together.get(i).sub(alone.get(0)).abs().max().getFloat();
      assertTrue(error < 1e-5f, LABELS.get(i) + ": padding changed the embedding by " + error);
    }
  }

  @Test
  void softPromptSitsBetweenBosAndTheLabelAndPoolsAtEos() {
    // Put the real token embeddings of "a video of" where the soft prompt goes: the result must
    // be CLIP's own embedding of "a video of {label}".
    LearnableLlmPromptEncoder encoder = encoder(CONFIG);
    int[] words = clip.tokenizer().encodeWithoutSpecialTokens("a video of");
    long[] ids = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      ids[i] = words[i];
    }
    int groups = 2;
    NDArray wordEmbeds = clip.text().tokenEmbeddings(manager.create(ids, new Shape(1, ids.length)));
    NDArray soft =
        wordEmbeds.broadcast(
            new Shape(LABELS.size() * groups, ids.length, wordEmbeds.getShape().get(2)));
    NDArray features = encoder.clipFeatures(LABELS, soft, groups);
    for (int i = 0; i < LABELS.size(); i++) {
      NDArray expected = clip.encodeTexts(List.of("a video of " + LABELS.get(i)));
      for (int g = 0; g < groups; g++) {
        float error = features.get(i * groups + g).sub(expected.get(0)).abs().max().getFloat();
        assertTrue(error < 1e-5f, LABELS.get(i) + " group " + g + " error " + error);
      }
    }
  }

  /** Standard deviation of a tensor's entries. */
  private static double std(NDArray x) {
    NDArray centered = x.sub(x.mean());
    return Math.sqrt(centered.square().mean().getFloat());
  }

  @Test
  void softPromptsStartAtATenthOfTheTowersOwnTokenScale() {
    // Soft prompts much larger than the label's own token embeddings drown the label (every label
    // then gets the same embedding); much smaller ones are cheap to blow up (next test). They start
    // at a tenth of the tower's token scale, whatever that scale is.
    LearnableLlmPromptEncoder encoder = encoder(CONFIG);
    double soft = std(encoder.softPrompts(LABELS));
    double tokens = std(clip.text().tokenEmbedding().getArray());
    double ratio = soft / tokens;
    assertTrue(
        ratio > 0.05 && ratio < 0.2,
        "soft prompt std " + soft + " vs token embedding std " + tokens + " (ratio " + ratio + ")");
  }

  @Test
  void softTokensTakeTheConfiguredSizeInUnitsOfTheTowersTokenScale() {
    double tokens = std(clip.text().tokenEmbedding().getArray());
    for (double scale : new double[] {0.1, 1.0, 2.0}) {
      NDArray soft = encoder(CONFIG.withAnswerAnchor(scale, 0)).softPrompts(LABELS);
      double rms = Math.sqrt(soft.square().mean().getFloat());
      assertEquals(scale, rms / tokens, 1e-3 * scale, "soft token size at scale " + scale);
    }
  }

  @Test
  void refusesASoftPromptSizeThatIsNotPositiveAndANegativeAnchor() {
    IllegalArgumentException size =
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withAnswerAnchor(0, 1));
    assertTrue(size.getMessage().contains("softPromptScale"), size.getMessage());
    IllegalArgumentException weight =
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withAnswerAnchor(1, -1));
    assertTrue(weight.getMessage().contains("answerAnchorWeight"), weight.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CONFIG.withAnswerAnchor(1, Double.NaN));
    assertEquals(0.1, LearnableLlmPromptConfig.defaults().softPromptScale());
    assertEquals(0.0, LearnableLlmPromptConfig.defaults().answerAnchorWeight());
  }

  @Test
  void answerAnchorIsTheWeightedMeanSquaredDistanceToTheFixedLlmPrompt() {
    assertEquals(null, encoder(CONFIG).regularizer(LABELS, encoder(CONFIG).encode(LABELS)));
    LearnableLlmPromptEncoder encoder = encoder(CONFIG.withAnswerAnchor(1.0, 5.0));
    T5AttributeGenerator answers =
        new T5AttributeGenerator(
            t5, tokenizer, CONFIG.template(), 1, T5AttributeGenerator.ANSWER_STEPS);
    NDArray fixed =
        new GeneratedAttributesEncoder(clip, l -> answers.generate(l, manager)).encode(LABELS);
    Map<String, NDArray> trainable = encoder.trainableParameters();
    trainable.values().forEach(p -> p.setRequiresGradient(true));
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray embeddings = encoder.encode(LABELS);
      float[] e = embeddings.toFloatArray();
      float[] f = fixed.toFloatArray();
      double expected = 0;
      for (int i = 0; i < e.length; i++) {
        expected += (e[i] - f[i]) * (e[i] - f[i]);
      }
      expected = 5.0 * expected / LABELS.size();
      NDArray penalty = encoder.regularizer(LABELS, embeddings);
      assertEquals(expected, penalty.getFloat(), 1e-4 * expected);
      assertTrue(expected > 0, "a random prompt transformer is not at its anchor");
      collector.backward(penalty);
    }
    // The penalty trains the prompt transformer (the prefixes feed T5 only through the greedy
    // tokens' hidden states, which it reaches too).
    assertTrue(
        trainable.get("prompt_transformer.proj.weight").getGradient().abs().sum().getFloat() > 0);
    trainable.values().forEach(p -> p.setRequiresGradient(false));
  }

  @Test
  void oneAdamStepMovesTheSoftPromptsByASmallFractionOfTheirSize() {
    // AdamW moves every trainable entry by about the learning rate per step. With the output map
    // initialised at 0.02/sqrt(width) (entries ~0.004), one step at the shapes experiment's rate
    // (2e-3) changed the soft prompts by about half their size, and within 60 steps they were 40
    // times larger and outweighed the label's tokens.
    LearnableLlmPromptEncoder encoder = encoder(CONFIG.withSeed(21));
    Map<String, NDArray> trainable = encoder.trainableParameters();
    trainable.values().forEach(p -> p.setRequiresGradient(true));
    NDArray before = encoder.softPrompts(LABELS).duplicate();
    backwardTowardRandomTargets(encoder, 4);
    Map<String, NDArray> gradients = new HashMap<>();
    trainable.forEach((name, p) -> gradients.put(name, p.getGradient()));
    AdamW optimizer = new AdamW(0.9f, 0.999f, 1e-8f, 0.05f);
    optimizer.initialize(trainable);
    optimizer.step(trainable, gradients, 2e-3f);
    trainable.values().forEach(p -> p.getGradient().subi(p.getGradient()));
    NDArray after = encoder.softPrompts(LABELS);
    double change = after.sub(before).norm().getFloat() / before.norm().getFloat();
    assertTrue(change < 0.1, "one step changed the soft prompts by " + change + " of their norm");
  }

  @Test
  void softTokensKeepOneSizeHoweverLargeTheMapGrows() {
    // Long training grows the output map (AdamW moves each entry by about the learning rate per
    // step); unnormalised, the soft prompts then outweighed the label's tokens after about a
    // thousand steps of the shapes experiment and every label embedded alike.
    LearnableLlmPromptEncoder encoder = encoder(CONFIG.withSeed(22));
    float[] before = tokenRms(encoder.softPrompts(LABELS));
    NDArray proj = encoder.trainableParameters().get("prompt_transformer.proj.weight");
    proj.muli(20f);
    encoder.trainableParameters().get("prompt_transformer.ln_final.weight").muli(3f);
    float[] after = tokenRms(encoder.softPrompts(LABELS));
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[0], before[i], 1e-3 * before[0], "every soft token has one size");
      assertEquals(before[i], after[i], 1e-3 * before[i], "token " + i + " grew with the map");
    }
  }

  private static float[] tokenRms(NDArray softPrompts) {
    return softPrompts.square().mean(new int[] {-1}).sqrt().toFloatArray();
  }

  @Test
  void isDeterministicGivenTheSeed() {
    NDArray first = encoder(CONFIG).encode(LABELS);
    NDArray again = encoder(CONFIG).encode(LABELS);
    NDArray other = encoder(CONFIG.withSeed(12)).encode(LABELS);
    assertArrayEquals(first.toFloatArray(), again.toFloatArray());
    assertTrue(first.sub(other).abs().max().getFloat() > 1e-4f, "the seed changes the encoder");
  }

  @Test
  void gradientsReachOnlyPrefixesAndPromptTransformer() {
    LearnableLlmPromptEncoder encoder = encoder(CONFIG);
    Map<String, NDArray> trainable = encoder.trainableParameters();
    Map<String, NDArray> frozen = encoder.frozenParameters();
    assertTrue(frozen.keySet().stream().anyMatch(k -> k.startsWith("t5.")));
    assertTrue(frozen.keySet().stream().anyMatch(k -> k.startsWith("clip_text.")));
    Map<String, byte[]> frozenBefore = new HashMap<>();
    frozen.forEach((k, v) -> frozenBefore.put(k, v.toByteArray()));
    Map<String, float[]> trainableBefore = new HashMap<>();
    trainable.forEach((k, v) -> trainableBefore.put(k, v.toFloatArray()));
    trainable.values().forEach(p -> p.setRequiresGradient(true));

    backwardTowardRandomTargets(encoder, 3);
    trainable.forEach(
        (name, p) ->
            assertTrue(
                p.getGradient().abs().sum().getFloat() > 0f, name + " receives no gradient"));
    frozen.forEach((name, p) -> assertFalse(p.hasGradient(), name + " has a gradient"));

    // One step of the project's optimizer over the trainable parameters.
    Map<String, NDArray> gradients = new HashMap<>();
    trainable.forEach((name, p) -> gradients.put(name, p.getGradient()));
    AdamW optimizer = new AdamW(0.9f, 0.999f, 1e-8f, 0.01f);
    optimizer.initialize(trainable);
    optimizer.step(trainable, gradients, 1e-2f);
    frozen.forEach(
        (name, p) -> assertArrayEquals(frozenBefore.get(name), p.toByteArray(), name + " changed"));
    trainable.forEach(
        (name, p) ->
            assertFalse(
                java.util.Arrays.equals(trainableBefore.get(name), p.toFloatArray()),
                name + " did not change"));
  }

  @Test
  void trainingThePromptsRaisesAgreementWithATarget() {
    LearnableLlmPromptEncoder encoder = encoder(CONFIG.withSeed(5));
    Map<String, NDArray> trainable = encoder.trainableParameters();
    trainable.values().forEach(p -> p.setRequiresGradient(true));
    NDArray target = randomTargets(3);
    float first = Float.NaN;
    float last = Float.NaN;
    for (int step = 0; step < 8; step++) {
      float loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray value = encoder.encode(LABELS).mul(target).sum().neg();
        collector.backward(value);
        loss = value.getFloat();
      }
      // Normalized-gradient steps: the tiny random backbones give gradients of any scale.
      trainable.forEach(
          (name, p) -> {
            NDArray g = p.getGradient();
            float norm = g.norm().getFloat();
            if (norm > 0f) {
              p.subi(g.mul(0.05f / norm));
            }
            g.subi(g);
          });
      first = step == 0 ? loss : first;
      last = loss;
    }
    System.out.printf("learnable LLM prompts, 8 steps: loss %.4f -> %.4f%n", first, last);
    assertTrue(last < first, "loss " + first + " -> " + last);
  }

  @Test
  void softPromptGradientsSurviveMemoryReuseBeforeBackward() {
    // DJL's scalar ops (mul(Number)...) leave autograd reading freed memory; the T5 and prompt
    // transformer path must not use them, so churning the heap before backward changes nothing.
    LearnableLlmPromptEncoder encoder = encoder(CONFIG);
    Map<String, NDArray> trainable = encoder.trainableParameters();
    trainable.values().forEach(p -> p.setRequiresGradient(true));
    Map<String, float[]> clean = softPromptGradients(encoder, false);
    Map<String, float[]> churned = softPromptGradients(encoder, true);
    for (String name : trainable.keySet()) {
      for (float g : churned.get(name)) {
        assertTrue(Float.isFinite(g), name + " gradient is not finite");
      }
      assertArrayEquals(clean.get(name), churned.get(name), name + " gradient changed");
    }
  }

  private static Map<String, float[]> softPromptGradients(
      LearnableLlmPromptEncoder encoder, boolean churn) {
    Map<String, NDArray> trainable = encoder.trainableParameters();
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss = encoder.softPrompts(LABELS).square().mean();
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
    Map<String, float[]> out = new HashMap<>();
    trainable.forEach(
        (name, p) -> {
          out.put(name, p.getGradient().toFloatArray());
          p.getGradient().subi(p.getGradient());
        });
    return out;
  }

  /**
   * Gradients of −Σ encode(LABELS) · target for {@link #randomTargets} from {@code seed}, left on
   * the encoder's trainable parameters.
   */
  private void backwardTowardRandomTargets(LearnableLlmPromptEncoder encoder, long seed) {
    NDArray target = randomTargets(seed);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(encoder.encode(LABELS).mul(target).sum().neg());
    }
  }

  /** One random unit vector in the joint space per label. */
  private NDArray randomTargets(long seed) {
    return Tensors.normalizeRows(
        Tensors.normal(
            manager,
            new Shape(LABELS.size(), clip.config().projectionDim()),
            1.0,
            new CounterRandom(seed)));
  }
}
