package dev.ovid.registry.videoindex;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.model.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records video indexes and their shards; one index per (model version, dataset version), one row
 * per stored shard. Recording is idempotent: a retried activity finds the first row.
 */
@ApplicationScoped
public class VideoIndexes {
  @Inject AuditLog audit;

  /** A stored shard's object, as a record of its own. */
  public record StoredShard(String uri, String sha256, int videoCount) {}

  @Transactional
  public Optional<VideoIndex> find(long modelVersionId, long datasetVersionId) {
    return VideoIndex.find(
            "modelVersion.id = ?1 and datasetVersion.id = ?2", modelVersionId, datasetVersionId)
        .firstResultOptional();
  }

  @Transactional
  public VideoIndex get(long id) {
    VideoIndex index = VideoIndex.findById(id);
    if (index == null) throw NotFoundException.of("video index", id);
    return index;
  }

  /** Every index, newest first. */
  @Transactional
  public List<VideoIndex> list() {
    return VideoIndex.list("order by id desc");
  }

  /** The indexes built with one model version, newest first. */
  @Transactional
  public List<VideoIndex> ofModel(long modelVersionId) {
    return VideoIndex.list("modelVersion.id = ?1 order by id desc", modelVersionId);
  }

  @Transactional
  public Optional<StoredShard> findShard(
      long modelVersionId, long datasetVersionId, int shardSize, int shard) {
    return VideoIndexShard.<VideoIndexShard>find(
            "modelVersion.id = ?1 and datasetVersion.id = ?2 and shardSize = ?3 and shard = ?4",
            modelVersionId,
            datasetVersionId,
            shardSize,
            shard)
        .firstResultOptional()
        .map(s -> new StoredShard(s.uri, s.sha256, s.videoCount));
  }

  /** Records a stored shard; when it was recorded already, returns the first record. */
  @Transactional
  public StoredShard recordShard(
      long modelVersionId,
      long datasetVersionId,
      int shardSize,
      int shard,
      String uri,
      String sha256,
      int videoCount) {
    ModelVersion model = lockModel(modelVersionId);
    Optional<StoredShard> existing = findShard(modelVersionId, datasetVersionId, shardSize, shard);
    if (existing.isPresent()) return existing.get();
    VideoIndexShard row = new VideoIndexShard();
    row.modelVersion = model;
    row.datasetVersion = dataset(datasetVersionId);
    row.shardSize = shardSize;
    row.shard = shard;
    row.uri = uri;
    row.sha256 = Sha256.require("sha256", sha256);
    row.videoCount = videoCount;
    row.createdAt = Instant.now();
    row.persist();
    return new StoredShard(uri, sha256, videoCount);
  }

  /** Records the index (audited); when the pair has one already, returns that one unchanged. */
  @Transactional
  public VideoIndex record(
      long modelVersionId,
      long datasetVersionId,
      String uri,
      String sha256,
      int videoCount,
      int dimension,
      int shardCount,
      String workflowId,
      String actor) {
    ModelVersion model = lockModel(modelVersionId);
    Optional<VideoIndex> existing = find(modelVersionId, datasetVersionId);
    if (existing.isPresent()) return existing.get();
    VideoIndex index = new VideoIndex();
    index.modelVersion = model;
    index.datasetVersion = dataset(datasetVersionId);
    index.uri = uri;
    index.sha256 = Sha256.require("sha256", sha256);
    index.videoCount = videoCount;
    index.dimension = dimension;
    index.shardCount = shardCount;
    index.workflowId = workflowId;
    index.createdBy = actor;
    index.createdAt = Instant.now();
    index.persist();
    audit.record(
        actor,
        "video-index.built",
        "dataset-version",
        datasetVersionId,
        detail(
            "model",
            model.modelName + "@" + model.version,
            "dataset",
            index.datasetVersion.datasetName + "@" + index.datasetVersion.version,
            "videos",
            videoCount,
            "shards",
            shardCount,
            "uri",
            uri,
            "sha256",
            sha256,
            "workflowId",
            workflowId));
    return index;
  }

  @Transactional
  public Optional<BatchClassification> findBatch(
      long modelVersionId, long datasetVersionId, long vocabularyVersionId, int top) {
    return BatchClassification.<BatchClassification>find(
            "modelVersionId = ?1 and datasetVersionId = ?2 and vocabularyVersion.id = ?3"
                + " and topK = ?4",
            modelVersionId,
            datasetVersionId,
            vocabularyVersionId,
            top)
        .firstResultOptional();
  }

  @Transactional
  public BatchClassification getBatch(long id) {
    BatchClassification batch = BatchClassification.findById(id);
    if (batch == null) throw NotFoundException.of("batch classification", id);
    return batch;
  }

  /** Every batch classification, newest first. */
  @Transactional
  public List<BatchClassification> batches() {
    return BatchClassification.list("order by id desc");
  }

  /** Records a batch classification (audited); idempotent like {@link #record}. */
  @Transactional
  public BatchClassification recordBatch(BatchClassification batch, String actor) {
    lockModel(batch.modelVersionId);
    Optional<BatchClassification> existing =
        findBatch(
            batch.modelVersionId, batch.datasetVersionId, batch.vocabularyVersion.id, batch.topK);
    if (existing.isPresent()) return existing.get();
    batch.videoIndex = get(batch.videoIndex.id);
    batch.labelEmbeddings =
        dev.ovid.registry.expansion.LabelEmbeddingSet.findById(batch.labelEmbeddings.id);
    batch.vocabularyVersion =
        dev.ovid.registry.vocabulary.VocabularyVersion.findById(batch.vocabularyVersion.id);
    Sha256.require("csv sha256", batch.csvSha256);
    Sha256.require("jsonl sha256", batch.jsonlSha256);
    batch.createdBy = actor;
    batch.createdAt = Instant.now();
    batch.persist();
    audit.record(
        actor,
        "dataset.classified",
        "dataset-version",
        batch.datasetVersionId,
        detail(
            "index",
            batch.videoIndex.ref(),
            "vocabulary",
            batch.vocabularyVersion.ref(),
            "top",
            batch.topK,
            "threshold",
            batch.threshold,
            "videos",
            batch.videoCount,
            "csv",
            batch.csvUri,
            "jsonl",
            batch.jsonlUri,
            "workflowId",
            batch.workflowId));
    return batch;
  }

  private static ModelVersion lockModel(long modelVersionId) {
    // Serialises concurrent recorders of one model version: the check-then-insert stays unique.
    ModelVersion model = ModelVersion.findById(modelVersionId, LockModeType.PESSIMISTIC_WRITE);
    if (model == null) throw NotFoundException.of("model version", modelVersionId);
    return model;
  }

  private static DatasetVersion dataset(long id) {
    DatasetVersion dataset = DatasetVersion.findById(id);
    if (dataset == null) throw NotFoundException.of("dataset version", id);
    return dataset;
  }
}
