package dev.ovid.activities.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ovid bench data} runs end to end: clips, the loader, JavaCV's ffmpeg program. */
class DataPathBenchmarkTest {
  @TempDir Path dir;

  @Test
  void measuresTheLoaderAndFfmpegOnTheSameClips() throws Exception {
    var bench = new DataPathBenchmark(dir.resolve("clips"), dir.resolve("work"), 1, 1);
    var codec = new StringBuilder();
    var entries = bench.clips(2, codec);
    assertEquals(2, entries.size());
    assertTrue(Files.size(Path.of(entries.get(0).uri())) > 100_000, "a 10 s 640x360 clip");
    assertTrue(
        codec.toString().equals("h264") || codec.toString().equals("mpeg4"), codec.toString());

    var result = bench.run(entries, codec.toString(), null);

    assertEquals(2, result.videos());
    assertTrue(result.ovidVideosPerSecond() > 0);
    assertTrue(result.ffmpegSerialVideosPerSecond() > 0);
    assertTrue(result.ffmpegThreadedVideosPerSecond() > 0);
    assertTrue(result.ffmpegCpuSecondsPerVideo() > 0, "ffmpeg's -benchmark report was read");
    assertTrue(result.ovidCpuSecondsPerVideo() > 0);
    assertNull(result.training());
  }
}
