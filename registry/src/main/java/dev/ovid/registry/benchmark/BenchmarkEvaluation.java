package dev.ovid.registry.benchmark;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.model.ModelVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One model version evaluated on a suite of benchmarks, with the calibrated threshold. */
@Entity
@Table(name = "benchmark_evaluation")
public class BenchmarkEvaluation extends OvidEntity {
  public static final String RUNNING = "RUNNING";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  @ManyToOne(optional = false)
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @Column(nullable = false, length = 20)
  public String status;

  @Column(length = 2000)
  public String message;

  @Column(name = "workflow_id", length = 200)
  public String workflowId;

  @Column(name = "mlflow_run_id", length = 64)
  public String mlflowRunId;

  @Column(name = "calibrated_threshold")
  public Double calibratedThreshold;

  @Column(name = "calibration_min_f1")
  public Double calibrationMinF1;

  @Column(name = "report_uri", length = 1000)
  public String reportUri;

  @Column(name = "launched_by", nullable = false, length = 200)
  public String launchedBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "finished_at")
  public Instant finishedAt;
}
