package dev.ovid.registry.run;

import dev.ovid.registry.common.OvidEntity;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.vocabulary.Vocabulary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One launch of the training pipeline, with its live status and the references it produced. */
@Entity
@Table(name = "training_run")
public class TrainingRun extends OvidEntity {
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public RunStatus status;

  /** Pipeline stage now running: curate, train, expand, evaluate, register. */
  @Column(length = 64)
  public String stage;

  /** 0..1 over the whole pipeline. */
  @Column(nullable = false)
  public double progress;

  @Column(columnDefinition = "text")
  public String message;

  @Column(name = "workflow_id", unique = true)
  public String workflowId;

  @Column(name = "mlflow_run_id", length = 64)
  public String mlflowRunId;

  @Column(name = "dataset_name", nullable = false, length = 200)
  public String datasetName;

  /** Set once curation has produced (or found) the dataset version. */
  @ManyToOne
  @JoinColumn(name = "dataset_version_id")
  public DatasetVersion datasetVersion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "vocabulary_id")
  public Vocabulary vocabulary;

  /** The vocabulary's version when the run was launched. */
  @Column(name = "vocabulary_version", nullable = false)
  public int vocabularyVersion;

  /** The published vocabulary version the run trains on; null for runs from before versions. */
  @ManyToOne
  @JoinColumn(name = "vocabulary_version_id")
  public dev.ovid.registry.vocabulary.VocabularyVersion publishedVocabulary;

  @Column(name = "hyperparameters_json", columnDefinition = "text")
  public String hyperparametersJson;

  @Column(name = "launched_by", nullable = false, length = 200)
  public String launchedBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "last_step")
  public Long lastStep;

  @Column(name = "last_loss")
  public Double lastLoss;

  /** The run whose last checkpoint this run's training resumes from ("retry from checkpoint"). */
  @Column(name = "resume_from_run_id")
  public Long resumeFromRunId;

  /** The Temporal Schedule that started this run; null when launched by hand. */
  @Column(name = "schedule_id", length = 200)
  public String scheduleId;

  /** Whether registering this run's model moves the {@code candidate} alias to it. */
  @Column(name = "register_candidate", nullable = false)
  public boolean registerCandidate = true;

  public static Optional<TrainingRun> findByWorkflowId(String workflowId) {
    return find("workflowId", workflowId).firstResultOptional();
  }
}
