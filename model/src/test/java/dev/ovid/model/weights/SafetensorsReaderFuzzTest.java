package dev.ovid.model.weights;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever bytes a .safetensors file holds, reading its header and then its tensors either works or
 * fails with a {@link SafetensorsFormatException} naming the file, in a message short enough to
 * read. The reader takes paths, so each input goes through one temporary file.
 */
class SafetensorsReaderFuzzTest {
  private static Path dir;
  private static Path file;

  @BeforeAll
  static void createFile() throws IOException {
    Path shm = Path.of("/dev/shm");
    dir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "ovid-fuzz")
            : Files.createTempDirectory("ovid-fuzz");
    file = dir.resolve("fuzz.safetensors");
  }

  @AfterAll
  static void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "30s")
  void onlySafetensorsFormatExceptionsEscape(byte[] input) throws IOException {
    Files.write(file, input);
    try (NDManager manager = NDManager.newBaseManager()) {
      SafetensorsReader.readFullHeader(file);
      SafetensorsReader.readAll(file, manager, (input.length & 1) == 0);
    } catch (SafetensorsFormatException e) {
      String message = e.getMessage();
      assertTrue(message.startsWith(file.toString()), message);
      assertTrue(message.length() <= 1000, "message of " + message.length() + " characters");
    }
  }
}
