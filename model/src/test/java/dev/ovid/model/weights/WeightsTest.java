package dev.ovid.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {
  static final Path CLIP = Path.of("src/test/resources/fixtures/clip-tiny");

  @Test
  void missingNameListsTheClosestNames() throws IOException {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Weights w = Weights.load(CLIP, m);
      MissingWeightException e =
          assertThrows(
              MissingWeightException.class, () -> w.get("text_model.final_layer_norm.weigth"));
      assertTrue(e.getMessage().contains("text_model.final_layer_norm.weight"), e.getMessage());
      assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
      Weights layer = w.prefix("vision_model.encoder.").prefix("layers.1.");
      MissingWeightException inView =
          assertThrows(MissingWeightException.class, () -> layer.get("self_attn.q_proj.wieght"));
      assertTrue(
          inView.getMessage().contains("vision_model.encoder.layers.1.self_attn.q_proj.weight"),
          inView.getMessage());
    }
  }

  @Test
  void prefixViewsNameTensorsRelativeToThePrefix() throws IOException {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Weights w = Weights.load(CLIP, m);
      Weights layer0 = w.prefix("text_model.encoder.layers.0.");
      assertEquals(16, layer0.size());
      assertTrue(layer0.names().contains("self_attn.q_proj.weight"));
      assertTrue(layer0.names().stream().noneMatch(n -> n.startsWith("text_model")));
      assertTrue(
          layer0.get("mlp.fc1.bias") == w.get("text_model.encoder.layers.0.mlp.fc1.bias"),
          "views share arrays");
      assertTrue(w.prefix("nothing.").names().isEmpty());
    }
  }

  @Test
  void loadsShardedCheckpointsThroughTheirIndex(@TempDir Path dir) throws IOException {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray a = m.arange(6f).reshape(2, 3);
      NDArray b = m.ones(new Shape(4));
      SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), Map.of("a", a));
      SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), Map.of("b.x", b));
      Files.writeString(
          dir.resolve("model.safetensors.index.json"),
          "{\"metadata\": {}, \"weight_map\": {\"a\": \"model-00001-of-00002.safetensors\","
              + " \"b.x\": \"model-00002-of-00002.safetensors\"}}");
      Weights w = Weights.load(dir, m);
      assertEquals(Set.of("a", "b.x"), w.names());
      assertArrayEquals(a.toFloatArray(), w.get("a").toFloatArray());
      assertArrayEquals(b.toFloatArray(), w.prefix("b.").get("x").toFloatArray());
    }
  }

  @Test
  void folderWithoutSafetensorsSaysWhatItFound(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pytorch_model.bin"), "x");
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      IOException e = assertThrows(IOException.class, () -> Weights.load(dir, m));
      assertTrue(e.getMessage().contains("pytorch_model.bin"), e.getMessage());
    }
  }
}
