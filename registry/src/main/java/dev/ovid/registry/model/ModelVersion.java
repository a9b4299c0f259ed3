package dev.ovid.registry.model;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.run.TrainingRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A registered model: a checkpoint and label embeddings in the object store, from one run. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "run_id")
  public TrainingRun run;

  @Column(name = "model_name", nullable = false, length = 200)
  public String modelName;

  /** 1, 2, 3... per model name. */
  @Column(nullable = false)
  public int version;

  @Column(name = "checkpoint_uri", nullable = false, length = 1000)
  public String checkpointUri;

  @Column(name = "checkpoint_sha256", nullable = false, length = 64)
  public String checkpointSha256;

  @Column(name = "label_embeddings_uri", length = 1000)
  public String labelEmbeddingsUri;

  @Column(name = "label_embeddings_sha256", length = 64)
  public String labelEmbeddingsSha256;

  @Column(name = "mlflow_run_id", length = 64)
  public String mlflowRunId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static List<ModelVersion> ofRun(TrainingRun run) {
    return list("run = ?1 order by version", run);
  }
}
