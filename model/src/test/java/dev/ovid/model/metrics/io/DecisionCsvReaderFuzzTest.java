package dev.ovid.model.metrics.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever the scores and labels CSVs hold, reading them yields decisions or a {@link
 * MetricsInputException} naming a file. The input's first byte picks the missing-positive policy;
 * the rest up to the first NUL byte is the scores file, what follows it the labels file.
 */
class DecisionCsvReaderFuzzTest {
  private static Path dir;
  private static Path scores;
  private static Path labels;

  @BeforeAll
  static void createFiles() throws IOException {
    Path shm = Path.of("/dev/shm");
    dir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "ovid-fuzz")
            : Files.createTempDirectory("ovid-fuzz");
    scores = dir.resolve("scores.csv");
    labels = dir.resolve("labels.csv");
  }

  @AfterAll
  static void deleteFiles() throws IOException {
    Files.deleteIfExists(scores);
    Files.deleteIfExists(labels);
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "30s")
  void onlyMetricsInputExceptionsEscape(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    MissingPositivePolicy policy =
        MissingPositivePolicy.values()[(input[0] & 0xff) % MissingPositivePolicy.values().length];
    int split = 1;
    while (split < input.length && input[split] != 0) {
      split++;
    }
    Files.write(scores, Arrays.copyOfRange(input, 1, split));
    Files.write(labels, Arrays.copyOfRange(input, Math.min(split + 1, input.length), input.length));
    try {
      DecisionCsvReader.read(scores, labels, policy);
    } catch (MetricsInputException e) {
      String message = e.getMessage();
      assertTrue(message.startsWith(dir.toString()), message);
      assertTrue(message.length() <= 1000, "message of " + message.length() + " characters");
    }
  }
}
