package dev.ovid.registry.benchmark;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One benchmark's scores within a {@link BenchmarkEvaluation}. */
@Entity
@Table(name = "benchmark_result")
public class BenchmarkResult extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "evaluation_id")
  public BenchmarkEvaluation evaluation;

  /** Order within the suite (0-based). */
  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "dataset_version_id", nullable = false)
  public long datasetVersionId;

  @Column(name = "vocabulary_id", nullable = false)
  public long vocabularyId;

  @Column(name = "evaluation_split", nullable = false, length = 100)
  public String evaluationSplit;

  @Column(name = "calibration_split", nullable = false, length = 100)
  public String calibrationSplit;

  @Column(nullable = false)
  public int videos;

  @Column(nullable = false)
  public int labels;

  @Column(nullable = false)
  public double aupr;

  @Column(nullable = false)
  public double map;

  @Column(name = "peak_f1", nullable = false)
  public double peakF1;

  /** Null when no threshold gives a true positive. */
  @Column(name = "peak_f1_threshold")
  public Double peakF1Threshold;

  @Column(nullable = false)
  public double gap20;

  /** F1 on the calibration split at the suite's calibrated threshold. */
  @Column(name = "calibration_f1")
  public Double calibrationF1;

  /** F1 on the evaluation split at the suite's calibrated threshold. */
  @Column(name = "f1_at_calibrated")
  public Double f1AtCalibrated;

  /** Precision-recall points {@code [[recall, precision], ...]} (a few hundred) for plots. */
  @Column(name = "pr_curve_json", nullable = false, columnDefinition = "TEXT")
  public String prCurveJson;
}
