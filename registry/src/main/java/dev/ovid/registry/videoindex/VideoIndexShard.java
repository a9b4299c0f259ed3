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

/** One stored shard of a video index build (videos [shard × size, (shard + 1) × size)). */
@Entity
@Table(name = "video_index_shard")
public class VideoIndexShard extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "dataset_version_id")
  public DatasetVersion datasetVersion;

  @Column(nullable = false)
  public int shard;

  @Column(name = "shard_size", nullable = false)
  public int shardSize;

  @Column(nullable = false, length = 1000)
  public String uri;

  @Column(nullable = false, length = 64)
  public String sha256;

  @Column(name = "video_count", nullable = false)
  public int videoCount;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
