package dev.ovid.activities.curation.vocabulary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ovid.activities.testing.FuzzMessages;
import java.io.ByteArrayInputStream;

/**
 * Whatever a YouTube-8M {@code vocabulary.csv} holds, reading it yields rows or a {@link
 * VocabularyFormatException} naming the file and line.
 */
class VocabularyCsvReaderFuzzTest {
  private static final String SOURCE = "fuzz-vocabulary.csv";

  @FuzzTest(maxDuration = "30s")
  void onlyVocabularyFormatExceptionsEscape(byte[] input) {
    try (VocabularyCsvReader reader =
        new VocabularyCsvReader(new ByteArrayInputStream(input), SOURCE)) {
      while (reader.next() != null) {
        // read every row
      }
    } catch (VocabularyFormatException e) {
      FuzzMessages.assertClear(e, SOURCE);
    } catch (java.io.IOException e) {
      throw new AssertionError("close failed on an in-memory stream", e);
    }
  }
}
