package dev.ovid.activities.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.VideoExample;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A split's videos as the trainer reads them, decoded on demand through a {@link PrefetchingReader}
 * that follows the trainer's epoch order ({@link #willRead}): memory holds the reader's few videos
 * ahead, not the dataset. The vocabulary is the sorted set of the entries' labels (human and
 * synthetic), read from the manifest, so the same dataset version always yields the same label
 * indices (a resumed run depends on it).
 */
public final class StreamingTrainingDataset implements TrainingDataset {
  private final List<ManifestEntry> entries;
  private final PrefetchingReader<DecodedVideo> reader;
  private final List<String> vocabulary;
  private final Map<String, Integer> index = new HashMap<>();
  private final Shape frameShape;

  public StreamingTrainingDataset(
      List<ManifestEntry> entries,
      PrefetchingReader<DecodedVideo> reader,
      int frames,
      int imageSize) {
    this.entries = List.copyOf(entries);
    this.reader = reader;
    var labels = new TreeSet<String>();
    entries.forEach(e -> labels.addAll(e.allLabels()));
    this.vocabulary = List.copyOf(labels);
    for (int i = 0; i < vocabulary.size(); i++) index.put(vocabulary.get(i), i);
    this.frameShape = new Shape(frames, 3, imageSize, imageSize);
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
  public void willRead(int[] indices) {
    reader.plan(indices);
  }

  @Override
  public VideoExample get(int i, NDManager manager) {
    DecodedVideo video = reader.get(i);
    int[] positives = video.labels().stream().mapToInt(index::get).toArray();
    return new VideoExample(uint8(manager, video.pixels(), frameShape), positives);
  }

  /** uint8 pixels as an NDArray (the model scales them to [0, 1]). */
  static ai.djl.ndarray.NDArray uint8(NDManager manager, byte[] pixels, Shape shape) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
    buffer.put(pixels).flip();
    return manager.create(buffer, shape, DataType.UINT8);
  }
}
