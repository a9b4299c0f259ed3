package dev.ovid.registry.dataset.manifest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Whatever bytes a manifest holds, reading it either succeeds or fails with a {@link
 * ManifestFormatException} whose message names the file and line and is short. A normal test run
 * replays the saved inputs under DatasetManifestFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DatasetManifestFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void onlyManifestFormatExceptionsEscape(byte[] input) {
    try {
      DatasetManifest.read(new ByteArrayInputStream(input), "fuzz.jsonl");
    } catch (ManifestFormatException e) {
      String message = e.getMessage();
      assertTrue(message.startsWith("fuzz.jsonl:"), message);
      assertTrue(message.length() < 600, "message of " + message.length() + " characters");
    }
  }
}
