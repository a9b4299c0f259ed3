package dev.ovid.registry.objectstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints put/download throughput against the configured MinIO (sha256 computed and verified on both
 * sides). On demand only: {@code -Dovid.benchmark=true -Dtest=ObjectStoreBenchmark}.
 */
@EnabledIfSystemProperty(named = "ovid.benchmark", matches = "true")
class ObjectStoreBenchmark {
  @TempDir Path dir;

  @Test
  void printsThroughput() throws Exception {
    int megabytes = Integer.getInteger("ovid.benchmark.mb", 64);
    byte[] chunk = new byte[1 << 20];
    new Random(1).nextBytes(chunk);
    Path file = dir.resolve("blob.bin");
    try (var out = Files.newOutputStream(file)) {
      for (int i = 0; i < megabytes; i++) {
        chunk[0] = (byte) i;
        out.write(chunk);
      }
    }
    try (ObjectStore store = TestServices.objectStore()) {
      String key = "benchmark/" + UUID.randomUUID();
      long t0 = System.nanoTime();
      store.put(key, file);
      long t1 = System.nanoTime();
      store.download(key, dir.resolve("copy.bin"));
      long t2 = System.nanoTime();
      System.out.printf(
          "ObjectStore %d MiB: put %.1f MiB/s, download+verify %.1f MiB/s%n",
          megabytes, megabytes / ((t1 - t0) / 1e9), megabytes / ((t2 - t1) / 1e9));
    }
  }
}
