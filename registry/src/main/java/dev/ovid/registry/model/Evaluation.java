package dev.ovid.registry.model;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.run.TrainingRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Metrics of a run's model on a dataset version (AUPR over all video-label pairs, peak F1). */
@Entity
@Table(name = "evaluation")
public class Evaluation extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "run_id")
  public TrainingRun run;

  /** Null until the run's model is registered (evaluation runs before registration). */
  @ManyToOne
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "dataset_version_id")
  public DatasetVersion datasetVersion;

  @Column(nullable = false)
  public double aupr;

  @Column(name = "peak_f1", nullable = false)
  public double peakF1;

  @Column(name = "peak_f1_threshold", nullable = false)
  public double peakF1Threshold;

  @Column(name = "report_uri", length = 1000)
  public String reportUri;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static List<Evaluation> ofRun(TrainingRun run) {
    return list("run = ?1 order by id", run);
  }
}
