package dev.ovid.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/clip-tokenizer");

  private static JsonNode cases() throws IOException {
    return new ObjectMapper().readTree(FIXTURES.resolve("cases.json").toFile());
  }

  @Test
  void matchesHuggingFaceSlowTokenizerOnEveryFixtureString() throws IOException {
    ClipTokenizer tok = ClipTokenizer.load(FIXTURES);
    JsonNode root = cases();
    assertEquals(root.get("context_length").asInt(), tok.contextLength());
    int checked = 0;
    int differFromFast = 0;
    for (JsonNode c : root.get("cases")) {
      String text = c.get("text").asText();
      long[] expected = longs(c.get("ids"));
      assertArrayEquals(expected, tok.encode(text).ids(), () -> "ids of " + text);
      List<String> pieces = new ArrayList<>();
      c.get("tokens").forEach(t -> pieces.add(t.asText()));
      assertEquals(pieces, tok.tokenize(text), () -> "BPE pieces of " + text);
      if (!java.util.Arrays.equals(expected, longs(c.get("ids_fast")))) {
        differFromFast++;
      }
      checked++;
    }
    assertTrue(checked >= 10, "fixture has too few cases");
    System.out.println(
        "CLIP tokenizer: "
            + checked
            + " strings identical to HF CLIPTokenizer ("
            + differFromFast
            + " of them differ between HF's slow and fast tokenizers)");
  }

  /**
   * On demand: the same check against a real checkpoint's tokenizer files and HF ids written by
   * {@code make_clip_fixtures.py --real-vocab} (too big to commit).
   */
  @Test
  @EnabledIfEnvironmentVariable(named = "OVID_CLIP_TOKENIZER_DIR", matches = ".+")
  void matchesHuggingFaceWithARealCheckpointsVocabulary() throws IOException {
    Path dir = Path.of(System.getenv("OVID_CLIP_TOKENIZER_DIR"));
    ClipTokenizer tok = ClipTokenizer.load(dir);
    JsonNode root = new ObjectMapper().readTree(dir.resolve("cases.json").toFile());
    int checked = 0;
    int newerUnicode = 0;
    List<String> mismatches = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      String text = c.get("text").asText();
      if (!java.util.Arrays.equals(longs(c.get("ids")), tok.encode(text).ids())) {
        // Java 17 knows Unicode 13; characters added later are "unassigned" (dropped) here.
        if (text.codePoints().anyMatch(cp -> !Character.isDefined(cp))) {
          newerUnicode++;
        } else {
          mismatches.add(text);
        }
      }
      checked++;
    }
    System.out.println(
        "CLIP tokenizer, real vocabulary of "
            + tok.vocabSize()
            + " tokens: "
            + (checked - mismatches.size() - newerUnicode)
            + "/"
            + checked
            + " strings identical to HF CLIPTokenizer ("
            + newerUnicode
            + " differ only through characters newer than Java's Unicode tables)");
    assertEquals(List.of(), mismatches);
  }

  @Test
  void truncatesLongTextKeepingEosLastAndPadsShortText() throws IOException {
    ClipTokenizer tok = ClipTokenizer.load(FIXTURES);
    String longText = "a video of people dancing at a wedding party ".repeat(20);
    ClipTokenizer.Encoding e = tok.encode(longText);
    assertEquals(77, e.ids().length);
    assertEquals(tok.bosId(), e.ids()[0]);
    assertEquals(tok.eosId(), e.ids()[76]);
    assertEquals(76, e.eosPosition());
    ClipTokenizer.Encoding s = tok.withContextLength(16).encode("a dog");
    assertEquals(16, s.ids().length);
    assertEquals(tok.eosId(), s.ids()[s.eosPosition()]);
    assertEquals(s.length(), s.eosPosition() + 1);
    for (int i = s.length(); i < 16; i++) {
      assertEquals(tok.padId(), s.ids()[i]);
      assertEquals(0, s.attentionMask()[i]);
    }
    assertEquals("a dog", tok.decode(s.ids()));
  }

  @Test
  void rejectsMalformedMergesNamingFileAndLine(@TempDir Path dir) throws IOException {
    for (String f : List.of("vocab.json", "tokenizer_config.json", "special_tokens_map.json")) {
      Files.copy(FIXTURES.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b\nonlyone\n");
    TokenizerFormatException e =
        assertThrows(TokenizerFormatException.class, () -> ClipTokenizer.load(dir));
    assertTrue(e.getMessage().contains("merges.txt:3"), e.getMessage());
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }
}
