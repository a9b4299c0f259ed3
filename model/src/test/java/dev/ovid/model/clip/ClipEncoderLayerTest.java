package dev.ovid.model.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.ovid.model.weights.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vision layers, run one by one by a caller, reproduce HF's per-layer hidden states. */
class ClipEncoderLayerTest {
  static final Path BF16 = Path.of("src/test/resources/fixtures/clip-tiny-bf16");

  @Test
  void layersRunByACallerReproduceEachHiddenState() throws IOException {
    try (ClipModel clip = ClipModel.load(BF16, Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Weights ref = Weights.load(BF16.resolve("reference.safetensors"), m);
      ClipVisionEncoder vision = clip.vision();
      NDArray pixels = ref.get("pixel_values");
      double embedErr =
          ClipParityTest.maxAbs(
              vision.embed(null, pixels, false), ref.get("vision_hidden_states.0"));
      assertTrue(embedErr <= 1e-4, "embed " + embedErr);
      ParameterStore ps = new ParameterStore(m, false);
      List<ClipEncoderLayer> layers = vision.layers();
      for (int k = 0; k < layers.size(); k++) {
        ClipEncoderLayer layer = layers.get(k);
        NDArray in = ref.get("vision_hidden_states." + k);
        NDArray expected = ref.get("vision_hidden_states." + (k + 1));
        double direct = ClipParityTest.maxAbs(layer.forward(null, in, null, false), expected);
        double viaStore =
            ClipParityTest.maxAbs(
                layer.forward(ps, new NDList(in), false).singletonOrThrow(), expected);
        double withWeights =
            ClipParityTest.maxAbs(layer.forwardWith(in, null, layer.weights()::get), expected);
        System.out.printf(
            "CLIP layer %d run alone: max|Δ| %.3g (DJL forward %.3g, forwardWith %.3g)%n",
            k, direct, viaStore, withWeights);
        assertTrue(Math.max(direct, Math.max(viaStore, withWeights)) <= 1e-4);
      }
      NDArray last = ref.get("vision_hidden_states." + layers.size());
      double proj =
          ClipParityTest.maxAbs(
              vision.project(null, last.get(":, 0, :"), false), ref.get("image_embeds"));
      assertTrue(proj <= 1e-4, "project " + proj);
    }
  }

  @Test
  void layerExposesHfNamedWeightsWithConfigShapes() throws IOException {
    try (ClipModel clip = ClipModel.load(BF16, Device.cpu())) {
      ClipEncoderLayer layer = clip.vision().layer(2);
      assertEquals(ClipEncoderLayer.WEIGHT_NAMES, List.copyOf(layer.weights().keySet()));
      assertEquals(24, layer.hiddenSize());
      assertEquals(2, layer.numHeads());
      assertEquals(ClipActivation.QUICK_GELU, layer.activation());
      assertEquals(1e-6f, layer.layerNormEps());
      assertEquals(40, layer.mlp().fc1().weight().getArray().getShape().get(0));
      assertEquals(ClipActivation.GELU, clip.text().layers().get(0).activation());
      assertTrue(
          layer.selfAttn().qProj().weight().getArray()
              == layer.weights().get("self_attn.q_proj.weight"));
    }
  }
}
