package dev.ovid.registry.model;

import dev.ovid.registry.run.TrainingRun;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;

/** A registered model: a checkpoint and label embeddings in the object store, from one run. */
@Entity
public class ModelVersion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "run_id")
  public TrainingRun run;

  @Column(nullable = false, length = 200)
  public String modelName;

  /** 1, 2, 3... per model name. */
  @Column(nullable = false)
  public int version;

  @Column(nullable = false, length = 1000)
  public String checkpointUri;

  @Column(nullable = false, length = 64)
  public String checkpointSha256;

  @Column(length = 1000)
  public String labelEmbeddingsUri;

  @Column(length = 64)
  public String labelEmbeddingsSha256;

  @Column(length = 64)
  public String mlflowRunId;

  @Column(nullable = false)
  public Instant createdAt;

  public static List<ModelVersion> ofRun(TrainingRun run) {
    return list("run = ?1 order by version", run);
  }
}
