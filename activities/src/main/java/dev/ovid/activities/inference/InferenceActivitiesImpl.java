package dev.ovid.activities.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.expansion.LabelEmbeddingFiles;
import dev.ovid.activities.ingestion.video.ClipPreprocessor;
import dev.ovid.activities.ingestion.video.VideoDecodeException;
import dev.ovid.activities.ingestion.video.VideoFrameSampler;
import dev.ovid.activities.ingestion.video.VideoProbe;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.workflows.classification.ClassificationResult;
import dev.ovid.workflows.classification.InferenceActivities;
import dev.ovid.workflows.classification.LabelScore;
import dev.ovid.workflows.classification.VideoScoringRequest;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification on the inference queue: embeds the video once with the model's video encoder and
 * scores it against the label-embedding database (one dot product per label), judging each label by
 * the model's calibrated threshold (its evaluation's peak-F1 threshold).
 */
@ApplicationScoped
public class InferenceActivitiesImpl implements InferenceActivities {
  /** Used when a model version has no evaluation to calibrate with. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private static final int LABEL_CACHE = 8;

  @Inject ObjectStore store;
  @Inject RunRegistry runs;
  @Inject ModelRegistry registry;
  @Inject PipelineModels models;
  @Inject LoadedModels loaded;

  private final Map<String, LabelEmbeddingDatabase> labelCache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LabelEmbeddingDatabase> eldest) {
          return size() > LABEL_CACHE;
        }
      };

  @Override
  public ClassificationResult scoreVideo(VideoScoringRequest request) {
    ModelVersion version = runs.getModelVersion(request.modelVersionId());
    int frames = models.frames(version.run.id);
    double temperature = loaded.with(version, model -> models.temperature(version.run.id, model));
    double threshold = registry.threshold(version.id).orElse(DEFAULT_THRESHOLD);
    LabelEmbeddingDatabase labels = labels(request.labels().embeddings());

    long t0 = System.nanoTime();
    return ScratchFiles.withTempFile(
        "ovid-classify-",
        ".video",
        file -> {
          download(request.video(), file);
          long t1 = System.nanoTime();
          List<java.awt.image.BufferedImage> images;
          try {
            VideoProbe.check(file, request.video().uri());
            images = new VideoFrameSampler(frames).sample(file);
          } catch (VideoDecodeException e) {
            throw new BadInputException(
                "not a readable video (" + request.video().uri() + "): " + e.getMessage(), e);
          }
          long t2 = System.nanoTime();
          float[] embedding =
              loaded.with(
                  version,
                  model -> {
                    int size = models.imageSize(model);
                    float[] pixels = new ClipPreprocessor(size, false).toTensor(images);
                    try (NDManager batch = model.manager().newSubManager()) {
                      NDArray input = batch.create(pixels, new Shape(1, frames, 3, size, size));
                      return model.embedVideos(input).toFloatArray();
                    }
                  });
          long t3 = System.nanoTime();
          double[] probabilities = labels.probabilities(new float[][] {embedding}, temperature)[0];
          List<LabelScore> scored = new ArrayList<>(probabilities.length);
          for (int i = 0; i < probabilities.length; i++) {
            scored.add(
                new LabelScore(
                    labels.labels().get(i).name(),
                    probabilities[i],
                    probabilities[i] >= threshold));
          }
          scored.sort(Comparator.comparingDouble(LabelScore::score).reversed());
          int top = request.top() <= 0 ? scored.size() : Math.min(request.top(), scored.size());
          long t4 = System.nanoTime();
          return new ClassificationResult(
              version.id,
              request.labels().vocabularyVersionId(),
              threshold,
              probabilities.length,
              List.copyOf(scored.subList(0, top)),
              false,
              new ClassificationResult.Timings(
                  0, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)));
        });
  }

  @Override
  public List<dev.ovid.workflows.classification.SimilarLabel> similarLabels(
      dev.ovid.workflows.classification.SimilarLabelsRequest request) {
    ModelVersion version = runs.getModelVersion(request.modelVersionId());
    if (request.candidates().isEmpty() || request.existing().isEmpty()) return List.of();
    return loaded.with(
        version,
        model -> {
          try (NDManager scope = model.manager().newSubManager()) {
            float[][] candidates = rows(model.embedLabels(request.candidates(), scope));
            float[][] existing = rows(model.embedLabels(request.existing(), scope));
            return LabelSimilarity.closest(
                request.candidates(),
                candidates,
                request.existing(),
                existing,
                request.threshold());
          }
        });
  }

  private static float[][] rows(NDArray array) {
    int n = (int) array.getShape().get(0);
    int d = (int) array.getShape().get(1);
    float[] flat = array.toFloatArray();
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
    return out;
  }

  private void download(ObjectRef video, java.nio.file.Path file) {
    S3Location location;
    try {
      location = S3Location.parse(video.uri());
    } catch (RuntimeException e) {
      throw new BadInputException("not an s3:// URI: " + video.uri(), e);
    }
    ObjectStore source =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    if (source.stat(location.key()).isEmpty()) {
      throw new BadInputException("no such video: " + video.uri());
    }
    source.download(location.key(), file, video.sha256());
  }

  private synchronized LabelEmbeddingDatabase labels(ObjectRef ref) {
    return labelCache.computeIfAbsent(
        ref.sha256(), sha -> LabelEmbeddingFiles.download(store, ref.uri(), sha));
  }

  private static long ms(long nanos) {
    return Math.round(nanos / 1e6);
  }
}
