package dev.ovid.activities.videoindex;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.inference.LoadedModels;
import dev.ovid.activities.ingestion.video.ClipPreprocessor;
import dev.ovid.activities.ingestion.video.VideoDecodeException;
import dev.ovid.activities.ingestion.video.VideoFrameSampler;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.activities.videoindex.VideoEmbeddingFile.IndexedVideo;
import dev.ovid.activities.worker.WorkerSettings;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.registry.videoindex.VideoIndexes.StoredShard;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.videoindex.BatchClassificationRef;
import dev.ovid.workflows.videoindex.BatchClassificationRequest;
import dev.ovid.workflows.videoindex.IndexedLabels;
import dev.ovid.workflows.videoindex.LabelPreviewRequest;
import dev.ovid.workflows.videoindex.LabelPreviewResult;
import dev.ovid.workflows.videoindex.VideoIndexActivities;
import dev.ovid.workflows.videoindex.VideoIndexHeartbeat;
import dev.ovid.workflows.videoindex.VideoIndexPlan;
import dev.ovid.workflows.videoindex.VideoIndexRef;
import dev.ovid.workflows.videoindex.VideoIndexRequest;
import dev.ovid.workflows.videoindex.VideoIndexShardRef;
import dev.ovid.workflows.videoindex.VideoIndexShardRequest;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds video embedding indexes on the inference queue: each shard decodes its videos, stores a
 * thumbnail frame each, embeds them with the model version's video encoder and is stored and
 * recorded under its sha256 before the activity completes, so a retried shard is never embedded
 * twice. Scoring an index (previews, batch classification) is {@link IndexScoring}'s.
 */
@ApplicationScoped
public class VideoIndexActivitiesImpl implements VideoIndexActivities {
  static final String SHARDS = "video-index/shards/";
  static final String INDEXES = "video-index/";
  static final String SUFFIX = ".ovidvix";

  @Inject ObjectStore store;
  @Inject RunRegistry runs;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject VideoIndexes indexes;
  @Inject PipelineModels models;
  @Inject LoadedModels loaded;
  @Inject WorkerSettings worker;
  @Inject IndexScoring scoring;

  @Override
  public VideoIndexPlan plan(VideoIndexRequest request) {
    if (request.shardSize() < 1) {
      throw new BadInputException("shard size must be at least 1, not " + request.shardSize());
    }
    runs.getModelVersion(request.modelVersionId()); // 404 before any work
    var existing = indexes.find(request.modelVersionId(), request.datasetVersionId());
    if (existing.isPresent()) {
      VideoIndex index = existing.get();
      return new VideoIndexPlan(index.videoCount, index.shardCount, ref(index, false));
    }
    List<ManifestEntry> videos = videos(request.datasetVersionId());
    if (videos.isEmpty()) {
      throw new BadInputException(
          "dataset version " + request.datasetVersionId() + " has no videos to index");
    }
    int shards = (videos.size() + request.shardSize() - 1) / request.shardSize();
    return new VideoIndexPlan(videos.size(), shards, null);
  }

  @Override
  public VideoIndexShardRef embedShard(VideoIndexShardRequest request) {
    var stored =
        indexes.findShard(
            request.modelVersionId(),
            request.datasetVersionId(),
            request.shardSize(),
            request.shard());
    if (stored.isPresent()) return shardRef(request.shard(), stored.get(), false);
    ModelVersion version = runs.getModelVersion(request.modelVersionId());
    List<ManifestEntry> all = videos(request.datasetVersionId());
    int from = request.shard() * request.shardSize();
    if (from >= all.size()) {
      throw new BadInputException(
          "shard " + request.shard() + " is past the " + all.size() + " videos of the dataset");
    }
    List<ManifestEntry> shard = all.subList(from, Math.min(all.size(), from + request.shardSize()));
    int frames = models.frames(version.run.id);
    var context = Activity.getExecutionContext();
    List<IndexedVideo> rows = new ArrayList<>();
    float[][] embeddings = new float[shard.size()][];
    for (int i = 0; i < shard.size(); i++) {
      ManifestEntry entry = shard.get(i);
      List<BufferedImage> images;
      try {
        images = new VideoFrameSampler(frames).sample(localCopy(entry));
      } catch (VideoDecodeException e) {
        throw new BadInputException(
            "video " + entry.id() + " (" + entry.uri() + ") does not decode: " + e.getMessage(), e);
      }
      String thumbnail = VideoThumbnails.store(store, images.get(images.size() / 2));
      embeddings[i] =
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
      rows.add(new IndexedVideo(entry.id(), entry.uri(), entry.sha256(), thumbnail));
      context.heartbeat(new VideoIndexHeartbeat(request.shard(), i + 1, shard.size()));
    }
    int dimension = embeddings[0].length;
    float[] flat = new float[shard.size() * dimension];
    for (int i = 0; i < embeddings.length; i++) {
      System.arraycopy(embeddings[i], 0, flat, i * dimension, dimension);
    }
    VideoEmbeddingFile file =
        new VideoEmbeddingFile(
            new VideoEmbeddingFile.Header(
                modelRef(version), request.datasetVersionId(), dimension, rows),
            flat);
    StoredObject object = put(SHARDS, file);
    StoredShard recorded =
        indexes.recordShard(
            request.modelVersionId(),
            request.datasetVersionId(),
            request.shardSize(),
            request.shard(),
            object.uri(),
            object.sha256(),
            shard.size());
    return shardRef(request.shard(), recorded, true);
  }

  @Override
  public VideoIndexRef assemble(VideoIndexRequest request, List<VideoIndexShardRef> shards) {
    var existing = indexes.find(request.modelVersionId(), request.datasetVersionId());
    if (existing.isPresent()) return ref(existing.get(), false);
    ModelVersion version = runs.getModelVersion(request.modelVersionId());
    List<VideoEmbeddingFile> parts = new ArrayList<>();
    for (VideoIndexShardRef shard : shards)
      parts.add(VideoEmbeddingFile.download(store, shard.embeddings()));
    VideoEmbeddingFile index =
        VideoEmbeddingFile.concat(modelRef(version), request.datasetVersionId(), parts);
    StoredObject object = put(INDEXES, index);
    VideoIndex recorded =
        indexes.record(
            request.modelVersionId(),
            request.datasetVersionId(),
            object.uri(),
            object.sha256(),
            index.size(),
            index.dimension(),
            shards.size(),
            Activity.getExecutionContext().getInfo().getWorkflowId(),
            request.actor() == null ? "system:video-index" : request.actor());
    return ref(recorded, true);
  }

  @Override
  public LabelPreviewResult preview(LabelPreviewRequest request) {
    return scoring.preview(request);
  }

  @Override
  public BatchClassificationRef classifyIndex(
      BatchClassificationRequest request, IndexedLabels inputs) {
    return scoring.classify(request, inputs);
  }

  /** A dataset version's videos in manifest order, each id once (every split). */
  private List<ManifestEntry> videos(long datasetVersionId) {
    DatasetVersion version = datasets.get(datasetVersionId);
    Map<String, ManifestEntry> byId = new LinkedHashMap<>();
    for (ManifestEntry entry : contents.entries(version)) byId.putIfAbsent(entry.id(), entry);
    return List.copyOf(byId.values());
  }

  private Path localCopy(ManifestEntry entry) {
    if (!entry.uri().startsWith("s3://")) {
      Path local = Path.of(entry.uri());
      if (!Files.isRegularFile(local)) {
        throw new BadInputException("video " + entry.id() + ": no such file " + local);
      }
      return local;
    }
    S3Location location = S3Location.parse(entry.uri());
    String name =
        entry.sha256() != null ? entry.sha256() : Integer.toHexString(entry.uri().hashCode());
    Path target = Path.of(worker.cacheDir(), "videos", location.bucket(), name + ".video");
    if (Files.isRegularFile(target)) return target;
    ObjectStore source =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    source.download(location.key(), target, entry.sha256());
    return target;
  }

  private StoredObject put(String prefix, VideoEmbeddingFile file) {
    return ScratchFiles.withTempFile(
        "ovid-video-index-",
        SUFFIX,
        path -> {
          file.save(path);
          // Content-addressed: a retried shard or index stores the same object again, harmlessly.
          return store.put(prefix + Sha256.of(path) + SUFFIX, path);
        });
  }

  private static String modelRef(ModelVersion version) {
    return version.modelName + "@" + version.version;
  }

  private static VideoIndexShardRef shardRef(int shard, StoredShard stored, boolean computed) {
    return new VideoIndexShardRef(
        shard, new ObjectRef(stored.uri(), stored.sha256(), 0), stored.videoCount(), computed);
  }

  static VideoIndexRef ref(VideoIndex index, boolean created) {
    return new VideoIndexRef(
        index.id,
        index.modelVersion.id,
        index.datasetVersion.id,
        new ObjectRef(index.uri, index.sha256, 0),
        index.videoCount,
        created);
  }
}
