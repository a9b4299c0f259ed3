package dev.ovid.activities.curation.synthetic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.ingestion.video.ClipPreprocessor;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.model.embeddings.ScoredLabel;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * A registered Ovid model as teacher: scores a video against the vocabulary's label embeddings and
 * keeps the labels whose probability reaches the threshold, with that probability as score.
 */
public final class TeacherLabeler implements SyntheticLabeler {
  private final OvidModel model;
  private final LabelEmbeddingDatabase labels;
  private final String source;
  private final double threshold;
  private final double temperature;

  public TeacherLabeler(
      OvidModel model,
      LabelEmbeddingDatabase labels,
      String modelVersion,
      double threshold,
      double temperature) {
    this.model = model;
    this.labels = labels;
    this.source = "teacher:" + modelVersion;
    this.threshold = threshold;
    this.temperature = temperature;
  }

  @Override
  public LabelingResult label(String videoId, List<BufferedImage> frames, List<String> vocabulary) {
    int size = model.videoEncoder().frameEncoder().imageSize();
    float[] pixels = new ClipPreprocessor(size, false).toTensor(frames);
    float[] embedding;
    try (NDManager scope = model.manager().newSubManager()) {
      NDArray input = scope.create(pixels, new Shape(1, frames.size(), 3, size, size));
      NDArray out = model.embedVideos(input); // attached to scope
      embedding = out.toFloatArray();
    }
    Set<String> wanted = Set.copyOf(vocabulary);
    List<ScoredLabel> above =
        labels.above(new float[][] {embedding}, threshold, temperature).get(0);
    return new LabelingResult(
        above.stream()
            .filter(l -> wanted.contains(l.name()))
            .map(l -> new SyntheticLabel(videoId, l.name(), source, l.probability()))
            .toList(),
        List.of());
  }
}
