package dev.ovid.model.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipConfigTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void absentFieldsTakeHuggingFaceDefaults() throws IOException {
    ClipConfig c = ClipConfig.parse(JSON.readTree("{\"model_type\": \"clip\"}"));
    assertEquals(49408, c.text().vocabSize());
    assertEquals(512, c.text().hiddenSize());
    assertEquals(77, c.text().maxPositionEmbeddings());
    assertEquals(ClipActivation.QUICK_GELU, c.text().activation());
    assertEquals(49407, c.text().eosTokenId());
    assertFalse(c.text().legacyEosPooling());
    assertEquals(768, c.vision().hiddenSize());
    assertEquals(224, c.vision().imageSize());
    assertEquals(49, c.vision().numPatches());
    assertEquals(512, c.projectionDim());
    assertEquals(1e-5f, c.vision().layerNormEps());
  }

  @Test
  void legacyConfigDictsOverrideAndEosTwoSelectsArgmaxPooling() throws IOException {
    ClipConfig c =
        ClipConfig.parse(
            JSON.readTree(
                "{\"projection_dim\": 768,"
                    + " \"text_config\": {\"hidden_size\": 512, \"eos_token_id\": 2},"
                    + " \"text_config_dict\": {\"hidden_size\": 768, \"hidden_act\": \"gelu\"},"
                    + " \"vision_config\": {\"patch_size\": 14, \"image_size\": 336}}"));
    assertEquals(768, c.text().hiddenSize());
    assertEquals(ClipActivation.GELU, c.text().activation());
    assertTrue(c.text().legacyEosPooling());
    assertEquals(576, c.vision().numPatches());
    assertEquals(768, c.projectionDim());
  }

  @Test
  void rejectsOtherModelTypesAndUnknownActivationsNamingTheFile(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"t5\"}");
    IOException e = assertThrows(IOException.class, () -> ClipConfig.load(dir));
    assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("t5"));
    Files.writeString(
        dir.resolve("config.json"), "{\"vision_config\": {\"hidden_act\": \"swish\"}}");
    e = assertThrows(IOException.class, () -> ClipConfig.load(dir));
    assertTrue(e.getMessage().contains("swish"), e.getMessage());
  }
}
