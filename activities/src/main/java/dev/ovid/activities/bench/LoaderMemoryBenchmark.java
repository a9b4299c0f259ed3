package dev.ovid.activities.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.evaluation.StreamedEmbeddings;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.FrameCache;
import dev.ovid.activities.ingestion.video.ManifestVideoLoader;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.activities.training.StreamingTrainingDataset;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.VideoExample;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The worker's memory while it trains one epoch on N videos and then embeds them all (evaluation
 * and batch scoring), through the code the activities use: {@link StreamingTrainingDataset} and
 * {@link StreamedEmbeddings} over a {@link PrefetchingReader}. Mode {@code in-memory} does what the
 * activities did before: decode every video to float32 first, then train and embed from the list.
 */
public final class LoaderMemoryBenchmark {
  /** What one run measured. */
  public record Result(
      String mode,
      int videos,
      int frames,
      int imageSize,
      int decodeThreads,
      int prefetch,
      long trainSteps,
      double seconds,
      long retainedHeapBytes,
      long heapInUseBytes,
      long peakRssBytes,
      long decodedFloat32Bytes) {}

  private final Path clipDir;
  private final Path workDir;
  private final int decodeThreads;
  private final int prefetch;
  private final boolean frameCache;

  public LoaderMemoryBenchmark(
      Path clipDir, Path workDir, int decodeThreads, int prefetch, boolean frameCache) {
    this.clipDir = clipDir;
    this.workDir = workDir;
    this.decodeThreads = decodeThreads;
    this.prefetch = prefetch;
    this.frameCache = frameCache;
  }

  /** Writes the first {@code videos} synthetic clips (those missing) and lists them as entries. */
  public List<ManifestEntry> clips(int videos) throws Exception {
    Files.createDirectories(clipDir);
    List<ManifestEntry> out = new ArrayList<>(videos);
    for (int i = 0; i < videos; i++) {
      Path file = clipDir.resolve(String.format("clip-%05d.mp4", i));
      SyntheticClips.writeIfMissing(i, file);
      out.add(
          new ManifestEntry(
              "clip-" + i, file.toString(), sha256(file), SyntheticClips.labels(i), "train"));
    }
    return out;
  }

  /**
   * Reads every video once through the loader and drops it, without a model: the data path alone
   * (streaming) or every video decoded to float32 and kept (in-memory), as the activities did.
   */
  public Result readOnly(List<ManifestEntry> entries, boolean streaming) throws Exception {
    int frames = 8;
    int size = TinyClipSpec.tiny().imageSize();
    var loader =
        new ManifestVideoLoader(
            null,
            workDir.resolve("videos"),
            frames,
            size,
            frameCache ? new FrameCache(workDir.resolve("frames")) : null);
    long started = System.nanoTime();
    long checksum = 0;
    List<float[]> kept = new ArrayList<>();
    try (MemoryProbe probe = new MemoryProbe(1000)) {
      if (streaming) {
        try (PrefetchingReader<DecodedVideo> reader =
            new PrefetchingReader<>(
                i -> loader.decode(entries.get(i), true), decodeThreads, prefetch)) {
          reader.plan(java.util.stream.IntStream.range(0, entries.size()).toArray());
          for (int i = 0; i < entries.size(); i++) checksum += reader.get(i).pixels()[0];
        }
      } else {
        for (ManifestEntry e : entries) {
          byte[] pixels = loader.decode(e, true).pixels();
          float[] f = new float[pixels.length];
          for (int i = 0; i < f.length; i++) f[i] = (pixels[i] & 0xff) / 255f;
          kept.add(f);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      probe.close();
      if (checksum == Long.MIN_VALUE || kept.size() > entries.size())
        throw new IllegalStateException();
      return new Result(
          (streaming ? "streaming" : "in-memory") + ", read only",
          entries.size(),
          frames,
          size,
          decodeThreads,
          prefetch,
          0,
          seconds,
          probe.maxRetainedHeap(),
          probe.maxHeapInUse(),
          probe.peakRss(),
          (long) entries.size() * frames * 3 * size * size * 4);
    }
  }

  /** Trains one epoch (batch 8, F = 8) and embeds every video; {@code streaming} or not. */
  public Result run(List<ManifestEntry> entries, boolean streaming) throws Exception {
    int frames = 8;
    TinyClipSpec spec = TinyClipSpec.tiny();
    int size = spec.imageSize();
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(8)
            .learningRate(1e-3f)
            .temporalLayers(2)
            .frames(frames)
            .checkpointEverySteps(0)
            .build();
    var loader =
        new ManifestVideoLoader(
            null,
            workDir.resolve("videos"),
            frames,
            size,
            frameCache ? new FrameCache(workDir.resolve("frames")) : null);
    long started = System.nanoTime();
    long steps;
    try (MemoryProbe probe = new MemoryProbe(250);
        OvidModel model =
            OvidModels.tinyRandom(spec, config.videoEncoderConfig(), 1, workDir.resolve("model"))) {
      if (streaming) {
        try (PrefetchingReader<DecodedVideo> reader =
            new PrefetchingReader<>(
                i -> loader.decode(entries.get(i), true), decodeThreads, prefetch)) {
          var data = new StreamingTrainingDataset(entries, reader, frames, size);
          steps = new OvidTrainer(model, config).train(data, (e, s, t, l, r) -> {}).lastStep();
          StreamedEmbeddings.embed(model, reader, entries.size(), frames, size, () -> {});
        }
      } else {
        // As the activities did before streaming: every video decoded to float32 up front.
        List<float[]> decoded = new ArrayList<>(entries.size());
        for (ManifestEntry e : entries) {
          byte[] pixels = loader.decode(e, true).pixels();
          float[] f = new float[pixels.length];
          for (int i = 0; i < f.length; i++) f[i] = (pixels[i] & 0xff) / 255f;
          decoded.add(f);
        }
        var data = new InMemory(entries, decoded, new Shape(frames, 3, size, size));
        steps = new OvidTrainer(model, config).train(data, (e, s, t, l, r) -> {}).lastStep();
        try (PrefetchingReader<DecodedVideo> reader =
            new PrefetchingReader<>(
                i -> loader.decode(entries.get(i), false), decodeThreads, prefetch)) {
          StreamedEmbeddings.embed(model, reader, entries.size(), frames, size, () -> {});
        }
        if (decoded.isEmpty()) throw new IllegalStateException("nothing decoded");
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      probe.close();
      return new Result(
          streaming ? "streaming" : "in-memory",
          entries.size(),
          frames,
          size,
          decodeThreads,
          prefetch,
          steps,
          seconds,
          probe.maxRetainedHeap(),
          probe.maxHeapInUse(),
          probe.peakRss(),
          (long) entries.size() * frames * 3 * size * size * 4);
    }
  }

  private static String sha256(Path file) {
    return Sha256.of(file);
  }

  /** The former in-memory dataset: float32 frames of every video held in a list. */
  private static final class InMemory implements TrainingDataset {
    private final List<ManifestEntry> entries;
    private final List<float[]> pixels;
    private final Shape shape;
    private final List<String> vocabulary;
    private final Map<String, Integer> index = new HashMap<>();

    InMemory(List<ManifestEntry> entries, List<float[]> pixels, Shape shape) {
      this.entries = entries;
      this.pixels = pixels;
      this.shape = shape;
      var labels = new TreeSet<String>();
      entries.forEach(e -> labels.addAll(e.allLabels()));
      vocabulary = List.copyOf(labels);
      for (int i = 0; i < vocabulary.size(); i++) index.put(vocabulary.get(i), i);
    }

    @Override
    public int size() {
      return entries.size();
    }

    @Override
    public List<String> vocabulary() {
      return vocabulary;
    }

    @Override
    public VideoExample get(int i, NDManager manager) {
      int[] positives = entries.get(i).allLabels().stream().mapToInt(index::get).toArray();
      return new VideoExample(manager.create(pixels.get(i), shape), positives);
    }
  }
}
