package dev.ovid.activities.curation.kinetics;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ovid.activities.testing.FuzzMessages;
import dev.ovid.registry.dataset.manifest.ManifestFormatException;
import java.io.ByteArrayInputStream;

/**
 * Whatever a Kinetics CSV holds, reading it yields entries or a {@link ManifestFormatException}.
 */
class KineticsCsvReaderFuzzTest {
  private static final String SOURCE = "fuzz.csv";

  @FuzzTest(maxDuration = "30s")
  void onlyManifestFormatExceptionsEscape(byte[] input) {
    try {
      new KineticsCsvReader("/videos").read(new ByteArrayInputStream(input), SOURCE);
    } catch (ManifestFormatException e) {
      FuzzMessages.assertClear(e, SOURCE);
    }
  }
}
