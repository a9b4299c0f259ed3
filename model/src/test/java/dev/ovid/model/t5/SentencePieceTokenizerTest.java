package dev.ovid.model.t5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentencePieceTokenizerTest {
  private final SentencePieceTokenizer tokenizer =
      SentencePieceTokenizer.load(T5Fixtures.tokenizerJson());

  @Test
  void encodesLikeHuggingFaceFastTokenizer() throws IOException {
    JsonNode cases =
        new ObjectMapper().readTree(T5Fixtures.root().resolve("tokenizer_cases.json").toFile());
    assertTrue(cases.size() >= 10);
    for (JsonNode c : cases) {
      int[] expected = new ObjectMapper().convertValue(c.get("ids"), int[].class);
      String text = c.get("text").asText();
      assertArrayEquals(expected, tokenizer.encode(text), "ids of '" + text + "'");
    }
  }

  @Test
  void readsTheOlderT5TokenizerJsonLayout() throws IOException {
    // WhitespaceSplit + Metaspace pre-tokenizer and a Replace(" {2,}", " ") normalizer.
    SentencePieceTokenizer legacy =
        SentencePieceTokenizer.load(T5Fixtures.root().resolve("tokenizer-legacy/tokenizer.json"));
    JsonNode cases =
        new ObjectMapper().readTree(T5Fixtures.root().resolve("tokenizer_cases.json").toFile());
    for (JsonNode c : cases) {
      int[] expected = new ObjectMapper().convertValue(c.get("legacy_ids"), int[].class);
      String text = c.get("text").asText();
      assertArrayEquals(expected, legacy.encode(text), "legacy ids of '" + text + "'");
    }
  }

  @Test
  void padsBatchesOnTheRightWithAMask() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray[] out = tokenizer.encodeBatch(List.of("a dog.", "a video of a dog."), manager);
      int[] shortIds = tokenizer.encode("a dog.");
      int width = tokenizer.encode("a video of a dog.").length;
      assertEquals(2, out[0].getShape().get(0));
      assertEquals(width, out[0].getShape().get(1));
      long[] ids = out[0].toLongArray();
      long[] mask = out[1].toLongArray();
      for (int i = 0; i < width; i++) {
        assertEquals(i < shortIds.length ? shortIds[i] : tokenizer.padId(), ids[i]);
        assertEquals(i < shortIds.length ? 1 : 0, mask[i]);
        assertEquals(1, mask[width + i]);
      }
    }
  }

  @Test
  void decodesBackToNormalizedText() {
    assertEquals("a video of a dog.", tokenizer.decode(tokenizer.encode("a video of a dog.")));
  }

  @Test
  void rejectsNonUnigramTokenizerNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, "{\"model\": {\"type\": \"BPE\", \"vocab\": {}, \"merges\": []}}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SentencePieceTokenizer.load(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
