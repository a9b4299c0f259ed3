package dev.ovid.model.t5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class T5ConfigTest {

  @Test
  void readsTheFlanLayoutFromConfigJson() {
    T5Config c = T5Config.read(T5Fixtures.root().resolve("flan/config.json"));
    assertEquals(T5Config.FeedForwardKind.GATED_GELU, c.feedForward());
    assertFalse(c.tieWordEmbeddings());
    assertEquals(32, c.dModel());
    assertEquals(4 * 8, c.innerDim());
    assertEquals(8, c.relativeAttentionNumBuckets());
  }

  @Test
  void missingFieldsTakeHuggingFaceDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"num_layers\": 3}");
    T5Config c = T5Config.read(file);
    assertEquals(3, c.numDecoderLayers());
    assertEquals(T5Config.FeedForwardKind.RELU, c.feedForward());
    assertTrue(c.tieWordEmbeddings());
    assertEquals(32, c.relativeAttentionNumBuckets());
    assertEquals(128, c.relativeAttentionMaxDistance());
  }

  @Test
  void rejectsAnUnknownFeedForwardNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"feed_forward_proj\": \"gated-swish\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> T5Config.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("gated-swish"), e.getMessage());
  }
}
