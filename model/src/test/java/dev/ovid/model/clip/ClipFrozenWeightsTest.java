package dev.ovid.model.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CLIP's weights are frozen: no gradients, untouched by optimizers; inputs still get gradients. */
class ClipFrozenWeightsTest {
  static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

  @Test
  void everyLoadedParameterIsFrozen() throws IOException {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu())) {
      for (AbstractBlock block : List.of(clip.text(), clip.vision())) {
        assertFalse(block.getParameters().isEmpty());
        for (Pair<String, Parameter> p : block.getParameters()) {
          assertFalse(p.getValue().requiresGradient(), p.getKey() + " requires a gradient");
          assertFalse(p.getValue().getArray().hasGradient(), p.getKey() + " array has a gradient");
        }
      }
    }
  }

  @Test
  void softPromptGradientsReachTheInputsUpToEosButNoWeight() throws IOException {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      ClipTextEncoder text = clip.text();
      long[][] ids = clip.tokenizer().encodeBatch(List.of("a photo of a dog", "playing"));
      NDArray idArray = m.create(ids);
      NDArray eos = text.eosPositions(idArray);
      NDArray embeds = text.tokenEmbeddings(idArray).duplicate();
      embeds.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray features = text.encodeEmbeddings(embeds, eos);
        gc.backward(features.mul(features).sum());
      }
      NDArray grad = embeds.getGradient();
      long[] eosPos = eos.toLongArray();
      for (int b = 0; b < ids.length; b++) {
        NDArray row = grad.get(b).abs().sum(new int[] {1});
        float[] perToken = row.toFloatArray();
        for (int t = 0; t < perToken.length; t++) {
          if (t <= eosPos[b]) {
            assertTrue(perToken[t] > 0, "no gradient at token " + t + " of row " + b);
          } else {
            assertEquals(0f, perToken[t], "causal mask: token " + t + " after EOS got gradient");
          }
        }
      }
      for (Pair<String, Parameter> p : text.getParameters()) {
        assertFalse(p.getValue().getArray().hasGradient(), p.getKey() + " got a gradient");
      }
    }
  }

  @Test
  void unfrozenBlockGetsGradients() throws IOException {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      ClipVisionEncoder vision = clip.vision();
      vision.freezeParameters(false);
      NDArray pixels = m.randomNormal(new Shape(1, 3, 32, 32));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(vision.encodeImages(pixels).sum());
      }
      NDArray g = vision.patchEmbedding().getArray().getGradient();
      assertTrue(g.abs().sum().getFloat() > 0);
      assertTrue(vision.layer(0).selfAttn().qProj().weight().requiresGradient());
    }
  }

  /**
   * A soft prompt trained with DJL's Trainer and Adam through the frozen text encoder: the prompt
   * moves, every CLIP weight stays bit-identical.
   */
  @Test
  void trainerUpdatesThePromptAndLeavesClipBitIdentical() throws IOException {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu());
        Model model = Model.newInstance("soft-prompt-probe", Device.cpu())) {
      Map<String, float[]> before = snapshot(clip.text());
      SoftPrompt block = new SoftPrompt(clip.text(), 3);
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build())
              .optInitializer(Initializer.ONES, p -> true);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(2, 77));
        NDManager m = trainer.getManager();
        NDArray ids = m.create(clip.tokenizer().encodeBatch(List.of("a photo of a dog", "a cat")));
        NDArray target = m.zeros(new Shape(2, clip.config().projectionDim()));
        float[] prompt0 = block.prompt.getArray().toFloatArray();
        float first = 0;
        float last = 0;
        for (int step = 0; step < 5; step++) {
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray out = trainer.forward(new NDList(ids)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(out));
            gc.backward(loss);
            if (step == 0) {
              first = loss.getFloat();
            }
            last = loss.getFloat();
          }
          trainer.step();
        }
        assertFalse(
            java.util.Arrays.equals(prompt0, block.prompt.getArray().toFloatArray()),
            "the prompt did not train");
        assertTrue(last < first, "loss did not fall: " + first + " -> " + last);
      }
      Map<String, float[]> after = snapshot(clip.text());
      assertEquals(before.keySet(), after.keySet());
      before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed"));
    }
  }

  private static Map<String, float[]> snapshot(AbstractBlock block) {
    Map<String, float[]> out = new HashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  /** Test block: n learnable vectors before the token embeddings, then the frozen encoder. */
  static final class SoftPrompt extends AbstractBlock {
    final Parameter prompt;
    // DJL's first step() rejects a raw gradient sum of exactly 0, which the prompt alone gives:
    // every path from it crosses a layer norm, whose input gradient sums to zero.
    final Parameter scale;
    final ClipTextEncoder text;
    final int n;

    SoftPrompt(ClipTextEncoder text, int n) {
      this.n = n;
      this.text = addChildBlock("text", text);
      this.prompt =
          addParameter(
              Parameter.builder()
                  .setName("prompt")
                  .setType(Parameter.Type.WEIGHT)
                  .optShape(new Shape(1, n, text.hiddenSize()))
                  .build());
      this.scale =
          addParameter(
              Parameter.builder()
                  .setName("scale")
                  .setType(Parameter.Type.WEIGHT)
                  .optShape(new Shape(1))
                  .build());
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray ids = inputs.singletonOrThrow();
      long b = ids.getShape().get(0);
      long t = ids.getShape().get(1);
      NDArray tokens = text.tokenEmbeddings(ps, ids, training).get(":, 0:" + (t - n) + ", :");
      NDArray p = ps.getValue(prompt, ids.getDevice(), training).repeat(0, b);
      NDArray embeds = NDArrays.concat(new NDList(p, tokens), 1);
      NDArray eos = text.eosPositions(ids).add(n);
      NDArray features = text.forwardEmbeddings(ps, embeds, eos, training).features();
      return new NDList(features.mul(ps.getValue(scale, ids.getDevice(), training)));
    }

    @Override
    protected void initializeChildBlocks(
        NDManager manager, DataType dataType, Shape... inputShapes) {
      text.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return new Shape[] {new Shape(inputShapes[0].get(0), text.projectionDim())};
    }
  }
}
