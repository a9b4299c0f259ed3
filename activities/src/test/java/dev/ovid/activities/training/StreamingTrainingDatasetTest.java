package dev.ovid.activities.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.activities.bench.SyntheticClips;
import dev.ovid.activities.evaluation.StreamedEmbeddings;
import dev.ovid.activities.ingestion.video.ClipPreprocessor;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.FrameCache;
import dev.ovid.activities.ingestion.video.ManifestVideoLoader;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.activities.ingestion.video.VideoFrameSampler;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.workflows.common.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activities' streaming read path on real video files: uint8 frames equal to the float
 * preprocessing, a frame cache keyed by sha256 that spares later reads the decoding, and a trainer
 * and an embedder that read everything through the plan.
 */
// In the worker app's class loader: libtorch loads once per JVM (see ModelConfigurationsTest).
@io.quarkus.test.junit.QuarkusTest
class StreamingTrainingDatasetTest {
  private static final int FRAMES = 4;
  private static final int SIZE = TinyClipSpec.tiny().imageSize();

  @TempDir Path dir;

  private List<ManifestEntry> clips(int n) throws Exception {
    List<ManifestEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path file = dir.resolve("clip-" + i + ".mp4");
      SyntheticClips.writeIfMissing(i, file);
      out.add(
          new ManifestEntry(
              "clip-" + i, file.toString(), Sha256.of(file), SyntheticClips.labels(i), "train"));
    }
    return out;
  }

  @Test
  void decodesUint8FramesOnceAndReadsThemBackFromTheFrameCache() throws Exception {
    List<ManifestEntry> entries = clips(3);
    var loader =
        new ManifestVideoLoader(
            null, dir.resolve("videos"), FRAMES, SIZE, new FrameCache(dir.resolve("frames")));
    DecodedVideo first = loader.decode(entries.get(1), false);
    assertEquals(FRAMES * 3 * SIZE * SIZE, first.pixels().length);
    assertEquals(SyntheticClips.labels(1), first.labels());
    float[] reference =
        new ClipPreprocessor(SIZE, false)
            .toTensor(new VideoFrameSampler(FRAMES).sample(Path.of(entries.get(1).uri())));
    for (int i = 0; i < reference.length; i++) {
      assertEquals(reference[i], (first.pixels()[i] & 0xff) / 255f, 1e-6f, "pixel " + i);
    }
    String key = FrameCache.key(entries.get(1).sha256(), FRAMES, SIZE);
    assertTrue(
        Files.isRegularFile(
            dir.resolve("frames").resolve(key.substring(0, 2)).resolve(key + ".u8")));
    // The video is gone, its frames are not: a later read decodes nothing.
    Files.delete(Path.of(entries.get(1).uri()));
    assertArrayEquals(first.pixels(), loader.decode(entries.get(1), false).pixels());
    // Without a cache entry the missing file is a bad input that names the video.
    Files.delete(Path.of(entries.get(2).uri()));
    var e = assertThrows(BadInputException.class, () -> loader.decode(entries.get(2), false));
    assertTrue(e.getMessage().contains("clip-2"), e.getMessage());
  }

  @Test
  void theTrainerAndTheEmbedderReadEveryVideoThroughThePlan() throws Exception {
    List<ManifestEntry> entries = clips(6);
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(3)
            .learningRate(1e-3f)
            .temporalLayers(2)
            .frames(FRAMES)
            .checkpointEverySteps(0)
            .build();
    var loader = new ManifestVideoLoader(null, dir.resolve("videos"), FRAMES, SIZE, null);
    try (OvidModel model =
            OvidModels.tinyRandom(
                TinyClipSpec.tiny(), config.videoEncoderConfig(), 3, dir.resolve("model"));
        PrefetchingReader<DecodedVideo> reader =
            new PrefetchingReader<>(i -> loader.decode(entries.get(i), true), 2, 2)) {
      var data = new StreamingTrainingDataset(entries, reader, FRAMES, SIZE);
      assertEquals(
          IntStream.range(0, 6)
              .mapToObj(SyntheticClips::labels)
              .flatMap(List::stream)
              .distinct()
              .sorted()
              .toList(),
          data.vocabulary());
      var result = new OvidTrainer(model, config).train(data, (ep, s, t, l, r) -> {});
      assertEquals(2, result.losses().size());
      float[][] embedded = StreamedEmbeddings.embed(model, reader, 6, FRAMES, SIZE, () -> {});
      assertEquals(6, embedded.length);
      assertEquals(model.embedDim(), embedded[5].length);
      assertEquals(0, reader.offPlanReads(), "every read followed the plan");
    }
  }
}
