package dev.ovid.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any text encodes (nothing is thrown: a label or prompt is never bad input to the tokenizer) to
 * exactly context-length ids from the vocabulary, starting with bos and with eos at the reported
 * position; any ids decode without error.
 */
class ClipTokenizerFuzzTest {
  private static ClipTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = ClipTokenizer.load(ClipTokenizerTest.FIXTURES);
  }

  @FuzzTest(maxDuration = "30s")
  void anyTextEncodesAndAnyIdsDecode(FuzzedDataProvider data) {
    long[] ids = data.consumeLongs(data.consumeInt(0, 100));
    String text = data.consumeRemainingAsString();
    ClipTokenizer.Encoding encoding = tokenizer.encode(text);
    int context = tokenizer.contextLength();
    assertEquals(context, encoding.ids().length);
    assertEquals(tokenizer.bosId(), encoding.ids()[0]);
    assertEquals(tokenizer.eosId(), encoding.ids()[encoding.eosPosition()]);
    for (long id : encoding.ids()) {
      assertTrue(id >= 0 && id < tokenizer.vocabSize(), "id " + id + " outside the vocabulary");
    }
    tokenizer.decode(ids);
    tokenizer.decode(encoding.ids());
  }
}
