package dev.ovid.activities.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.VideoExample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decoded videos as the trainer reads them. The vocabulary is the sorted set of the videos' labels,
 * so the same dataset version always yields the same label indices (a resumed run depends on it).
 */
public final class ManifestTrainingDataset implements TrainingDataset {
  private final List<DecodedVideo> videos;
  private final List<String> vocabulary;
  private final Map<String, Integer> index = new HashMap<>();
  private final Shape frameShape;

  public ManifestTrainingDataset(List<DecodedVideo> videos, int frames, int imageSize) {
    this.videos = List.copyOf(videos);
    var labels = new TreeSet<String>();
    videos.forEach(v -> labels.addAll(v.labels()));
    this.vocabulary = List.copyOf(labels);
    for (int i = 0; i < vocabulary.size(); i++) index.put(vocabulary.get(i), i);
    this.frameShape = new Shape(frames, 3, imageSize, imageSize);
  }

  @Override
  public int size() {
    return videos.size();
  }

  @Override
  public List<String> vocabulary() {
    return vocabulary;
  }

  @Override
  public VideoExample get(int i, NDManager manager) {
    DecodedVideo video = videos.get(i);
    int[] positives = video.labels().stream().mapToInt(index::get).toArray();
    return new VideoExample(manager.create(video.pixels(), frameShape), positives);
  }
}
