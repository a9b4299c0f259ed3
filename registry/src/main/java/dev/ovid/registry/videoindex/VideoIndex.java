package dev.ovid.registry.videoindex;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.model.ModelVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A video embedding index: every video of one dataset version embedded once by one model version's
 * video encoder (with a thumbnail frame each), stored in the object store under its sha256. Its
 * lineage is the pair: the model version's run, and the dataset version's manifest.
 */
@Entity
@Table(name = "video_index")
public class VideoIndex extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "dataset_version_id")
  public DatasetVersion datasetVersion;

  @Column(nullable = false, length = 1000)
  public String uri;

  @Column(nullable = false, length = 64)
  public String sha256;

  @Column(name = "video_count", nullable = false)
  public int videoCount;

  @Column(nullable = false)
  public int dimension;

  @Column(name = "shard_count", nullable = false)
  public int shardCount;

  @Column(name = "workflow_id", length = 255)
  public String workflowId;

  @Column(name = "created_by", nullable = false, length = 200)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** "demo@1 × ovid-video@3". */
  public String ref() {
    return datasetVersion.datasetName
        + "@"
        + datasetVersion.version
        + " × "
        + modelVersion.modelName
        + "@"
        + modelVersion.version;
  }
}
