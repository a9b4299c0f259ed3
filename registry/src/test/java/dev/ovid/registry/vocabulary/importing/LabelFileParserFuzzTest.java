package dev.ovid.registry.vocabulary.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ovid.registry.common.ValidationException;
import java.util.Arrays;

/**
 * Whatever an imported label file holds (the first input byte picks the format: auto-detected,
 * lines, CSV, JSON, Kinetics CSV, Label Studio XML), parsing yields rows or a {@link
 * ValidationException} with a short human message.
 */
class LabelFileParserFuzzTest {
  private static final String[] NAMES = {"labels.txt", "labels.csv", "labels.json", "config.xml"};

  @FuzzTest(maxDuration = "30s")
  void onlyValidationExceptionsEscape(byte[] input) {
    if (input.length == 0) {
      return;
    }
    ImportFormat format = ImportFormat.values()[(input[0] & 0xff) % ImportFormat.values().length];
    String name = NAMES[((input[0] & 0xff) / 8) % NAMES.length];
    try {
      LabelFileParser.parse(format, name, Arrays.copyOfRange(input, 1, input.length));
    } catch (ValidationException e) {
      String message = e.getMessage();
      assertTrue(message != null && !message.isBlank(), "no message");
      assertTrue(message.length() <= 1000, "message of " + message.length() + " characters");
    }
  }
}
