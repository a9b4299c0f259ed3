package dev.ovid.activities.videoindex;

import ai.djl.ndarray.NDManager;
import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.expansion.LabelEmbeddingFiles;
import dev.ovid.activities.inference.InferenceActivitiesImpl;
import dev.ovid.activities.inference.LoadedModels;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.activities.videoindex.VideoEmbeddingFile.IndexedVideo;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.expansion.LabelEmbeddingSet;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.videoindex.BatchClassification;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.workflows.classification.LogOddsSpan;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.videoindex.BatchClassificationRef;
import dev.ovid.workflows.videoindex.BatchClassificationRequest;
import dev.ovid.workflows.videoindex.IndexedLabels;
import dev.ovid.workflows.videoindex.LabelPreviewRequest;
import dev.ovid.workflows.videoindex.LabelPreviewResult;
import dev.ovid.workflows.videoindex.PreviewVideo;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores an index's videos with p = σ(f_t(ℓ)ᵀ f_v(v) / τ), as single-video classification does,
 * judged by the model's calibrated threshold: one draft label (preview) or a whole expanded
 * vocabulary (batch classification, written as CSV and JSONL).
 */
@ApplicationScoped
public class IndexScoring {
  static final String RESULTS = "batch-classifications/";
  private static final int CACHE = 4;
  private static final int CHUNK = 256;

  @Inject ObjectStore store;
  @Inject RunRegistry runs;
  @Inject ModelRegistry registry;
  @Inject PipelineModels models;
  @Inject LoadedModels loaded;
  @Inject VideoIndexes indexes;

  private final Map<String, VideoEmbeddingFile> cache =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VideoEmbeddingFile> eldest) {
          return size() > CACHE;
        }
      };

  public LabelPreviewResult preview(LabelPreviewRequest request) {
    String label = request.label() == null ? "" : request.label().trim();
    if (label.isEmpty()) throw new BadInputException("type a label to preview");
    if (label.length() > 200) {
      throw new BadInputException("a label has at most 200 characters, not " + label.length());
    }
    int bins = Math.max(1, Math.min(100, request.bins()));
    ModelVersion version = runs.getModelVersion(request.index().modelVersionId());
    double temperature = models.temperature(version.run.id);
    double threshold = threshold(version);
    VideoEmbeddingFile index = index(request.index().embeddings());
    float[] text =
        loaded.with(
            version,
            model -> {
              try (NDManager scope = model.manager().newSubManager()) {
                return model.embedLabels(List.of(label), scope).toFloatArray();
              }
            });
    float[][] videos = index.matrix();
    double[] scores = new double[videos.length];
    int passing = 0;
    for (int v = 0; v < videos.length; v++) {
      double dot = 0;
      for (int k = 0; k < text.length; k++) dot += (double) text[k] * videos[v][k];
      scores[v] = 1 / (1 + Math.exp(-dot / temperature));
      if (scores[v] >= threshold) passing++;
    }
    LogOddsSpan span = LogOddsSpan.forScores(scores, threshold);
    int[] histogram = new int[bins];
    for (double score : scores) {
      histogram[Math.min(bins - 1, (int) Math.floor(span.position(score) * bins))]++;
    }
    List<Double> edges = new ArrayList<>(bins + 1);
    for (int i = 0; i <= bins; i++) edges.add(span.probabilityAt((double) i / bins));
    Integer[] order = new Integer[videos.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    int top = request.top() <= 0 ? 12 : Math.min(request.top(), videos.length);
    List<PreviewVideo> best = new ArrayList<>(top);
    for (int i = 0; i < top; i++) {
      IndexedVideo video = index.videos().get(order[i]);
      double score = scores[order[i]];
      best.add(
          new PreviewVideo(
              video.id(), video.uri(), score, score >= threshold, video.thumbnailSha256()));
    }
    return new LabelPreviewResult(
        label,
        threshold,
        videos.length,
        passing,
        best,
        Arrays.stream(histogram).boxed().toList(),
        edges);
  }

  public BatchClassificationRef classify(BatchClassificationRequest request, IndexedLabels inputs) {
    var existing =
        indexes.findBatch(
            request.modelVersionId(),
            request.datasetVersionId(),
            request.vocabularyVersionId(),
            request.top());
    if (existing.isPresent()) return ref(existing.get(), false);
    ModelVersion version = runs.getModelVersion(request.modelVersionId());
    double temperature = models.temperature(version.run.id);
    double threshold = threshold(version);
    VideoEmbeddingFile index = index(inputs.index().embeddings());
    ObjectRef labelRef = inputs.labels().embeddings();
    LabelEmbeddingDatabase labels =
        LabelEmbeddingFiles.download(store, labelRef.uri(), labelRef.sha256());
    var context = Activity.getExecutionContext();
    StringBuilder csv = new StringBuilder("video_id,video_uri,rank,label,score,passes\n");
    StringBuilder jsonl = new StringBuilder();
    float[][] videos = index.matrix();
    for (int from = 0; from < videos.length; from += CHUNK) {
      int to = Math.min(videos.length, from + CHUNK);
      double[][] p = labels.probabilities(Arrays.copyOfRange(videos, from, to), temperature);
      for (int v = from; v < to; v++) {
        double[] row = p[v - from];
        IndexedVideo video = index.videos().get(v);
        BatchResults.append(csv, jsonl, video, labels, row, request.top(), threshold);
      }
      context.heartbeat(to);
    }
    StoredObject csvObject = put(csv.toString(), ".csv");
    StoredObject jsonlObject = put(jsonl.toString(), ".jsonl");
    BatchClassification batch = new BatchClassification();
    batch.videoIndex = new VideoIndex();
    batch.videoIndex.id = inputs.index().id();
    batch.labelEmbeddings = new LabelEmbeddingSet();
    batch.labelEmbeddings.id = inputs.labels().id();
    batch.vocabularyVersion = new VocabularyVersion();
    batch.vocabularyVersion.id = request.vocabularyVersionId();
    batch.modelVersionId = request.modelVersionId();
    batch.datasetVersionId = request.datasetVersionId();
    batch.topK = request.top();
    batch.threshold = threshold;
    batch.csvUri = csvObject.uri();
    batch.csvSha256 = csvObject.sha256();
    batch.jsonlUri = jsonlObject.uri();
    batch.jsonlSha256 = jsonlObject.sha256();
    batch.videoCount = videos.length;
    batch.labelCount = labels.size();
    batch.workflowId = context.getInfo().getWorkflowId();
    BatchClassification recorded =
        indexes.recordBatch(
            batch, request.actor() == null ? "system:batch-classification" : request.actor());
    return ref(recorded, true);
  }

  private double threshold(ModelVersion version) {
    return registry.threshold(version.id).orElse(InferenceActivitiesImpl.DEFAULT_THRESHOLD);
  }

  private synchronized VideoEmbeddingFile index(ObjectRef ref) {
    return cache.computeIfAbsent(ref.sha256(), sha -> VideoEmbeddingFile.download(store, ref));
  }

  private StoredObject put(String text, String suffix) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ScratchFiles.withTempFile(
        "ovid-batch-",
        suffix,
        path -> {
          java.nio.file.Files.write(path, bytes);
          return store.put(RESULTS + Sha256.of(bytes) + suffix, path);
        });
  }

  private static BatchClassificationRef ref(BatchClassification b, boolean created) {
    return new BatchClassificationRef(
        b.id,
        new ObjectRef(b.csvUri, b.csvSha256, 0),
        new ObjectRef(b.jsonlUri, b.jsonlSha256, 0),
        b.videoCount,
        b.labelCount,
        b.threshold,
        created);
  }
}
