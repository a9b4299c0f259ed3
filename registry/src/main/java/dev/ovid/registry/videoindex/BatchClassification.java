package dev.ovid.registry.videoindex;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.expansion.LabelEmbeddingSet;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A dataset version classified with a model version against a vocabulary version: per video, its
 * top-k labels and every label passing the calibrated threshold, as CSV and JSONL.
 */
@Entity
@Table(name = "batch_classification")
public class BatchClassification extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "video_index_id")
  public VideoIndex videoIndex;

  @ManyToOne(optional = false)
  @JoinColumn(name = "label_embedding_set_id")
  public LabelEmbeddingSet labelEmbeddings;

  @ManyToOne(optional = false)
  @JoinColumn(name = "vocabulary_version_id")
  public VocabularyVersion vocabularyVersion;

  @Column(name = "model_version_id", nullable = false)
  public long modelVersionId;

  @Column(name = "dataset_version_id", nullable = false)
  public long datasetVersionId;

  @Column(name = "top_k", nullable = false)
  public int topK;

  @Column(nullable = false)
  public double threshold;

  @Column(name = "csv_uri", nullable = false, length = 1000)
  public String csvUri;

  @Column(name = "csv_sha256", nullable = false, length = 64)
  public String csvSha256;

  @Column(name = "jsonl_uri", nullable = false, length = 1000)
  public String jsonlUri;

  @Column(name = "jsonl_sha256", nullable = false, length = 64)
  public String jsonlSha256;

  @Column(name = "video_count", nullable = false)
  public int videoCount;

  @Column(name = "label_count", nullable = false)
  public int labelCount;

  @Column(name = "workflow_id", length = 255)
  public String workflowId;

  @Column(name = "created_by", nullable = false, length = 200)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
