package dev.ovid.registry.run;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.model.Evaluation;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewEvaluation;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.vocabulary.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Training runs and what they produce (model versions, evaluations, loss curve). Every mutation
 * writes an audit event in its transaction. Writers from activities are idempotent: a retried call
 * finds what the first attempt stored instead of duplicating it.
 */
@ApplicationScoped
public class RunRegistry {
  @Inject AuditLog audit;
  @Inject dev.ovid.registry.vocabulary.VocabularyVersions vocabularyVersions;

  /**
   * Creates a QUEUED run. The vocabulary must exist ({@link NotFoundException}), and so must the
   * pinned dataset version when one is given. The run trains on the vocabulary's latest published
   * version; a vocabulary never published is published first (audited), so every run names an
   * immutable label set.
   */
  @Transactional
  public TrainingRun create(NewRun spec, String actor) {
    String datasetName = ValidationException.requireText("datasetName", spec.datasetName());
    String vocabularyName =
        ValidationException.requireText("vocabularyName", spec.vocabularyName());
    Vocabulary vocabulary =
        Vocabulary.findByName(vocabularyName)
            .orElseThrow(() -> NotFoundException.of("vocabulary", vocabularyName));
    DatasetVersion datasetVersion = null;
    if (spec.datasetVersion() != null) {
      datasetVersion =
          DatasetVersion.findVersion(datasetName, spec.datasetVersion())
              .orElseThrow(
                  () ->
                      NotFoundException.of(
                          "dataset version", datasetName + "@" + spec.datasetVersion()));
    }
    if (spec.workflowId() != null && TrainingRun.findByWorkflowId(spec.workflowId()).isPresent()) {
      throw new ConflictException("a run with workflow id '" + spec.workflowId() + "' exists");
    }
    // Concurrent first launches of a never-published vocabulary publish it once: the row lock
    // makes the second wait, then find the version the first made.
    Vocabulary.findById(vocabulary.id, LockModeType.PESSIMISTIC_WRITE);
    var published =
        vocabularyVersions
            .latest(vocabulary.name)
            .orElseGet(
                () ->
                    vocabularyVersions.publish(
                        vocabulary.name, "published for the first run that uses it", actor));
    TrainingRun run = new TrainingRun();
    run.status = RunStatus.QUEUED;
    run.progress = 0;
    run.datasetName = datasetName;
    run.datasetVersion = datasetVersion;
    run.vocabulary = vocabulary;
    run.vocabularyVersion = published.version;
    run.publishedVocabulary = published;
    run.hyperparametersJson =
        Json.write(
            spec.hyperparameters() == null ? Map.of() : new TreeMap<>(spec.hyperparameters()));
    run.workflowId = spec.workflowId();
    run.launchedBy = ValidationException.requireText("actor", actor);
    run.createdAt = Instant.now();
    run.updatedAt = run.createdAt;
    run.persist();
    audit.record(
        actor,
        "run.created",
        "run",
        run.id,
        detail(
            "dataset",
            datasetName,
            "datasetVersion",
            spec.datasetVersion(),
            "vocabulary",
            vocabularyName,
            "vocabularyVersion",
            published.version,
            "vocabularySha256",
            published.sha256,
            "hyperparameters",
            spec.hyperparameters(),
            "workflowId",
            spec.workflowId()));
    return run;
  }

  /**
   * Creates a QUEUED run that already names its workflow, {@code workflowIdPrefix + run id}, in one
   * transaction: the workflow can be started right after, and its own attach call finds the id set.
   * (Attaching after the start raced with the workflow's first activity.)
   */
  @Transactional
  public TrainingRun createForWorkflow(NewRun spec, String workflowIdPrefix, String actor) {
    TrainingRun run = create(spec, actor);
    run.workflowId = ValidationException.requireText("workflowIdPrefix", workflowIdPrefix) + run.id;
    audit.record(
        actor, "run.workflow-attached", "run", run.id, detail("workflowId", run.workflowId));
    return run;
  }

  /**
   * Marks a new run as resuming from {@code fromRunId}'s last checkpoint ("retry from checkpoint"),
   * or as started by schedule {@code scheduleId}; either may be null. Set once, before the run's
   * workflow starts.
   */
  @Transactional
  public TrainingRun setOrigin(long runId, Long fromRunId, String scheduleId, String actor) {
    TrainingRun run = lock(runId);
    if (fromRunId != null) {
      TrainingRun from = get(fromRunId);
      if (from.id.equals(run.id)) throw new ValidationException("a run cannot resume from itself");
      run.resumeFromRunId = from.id;
    }
    run.scheduleId = scheduleId;
    touch(run);
    audit.record(
        actor,
        "run.origin",
        "run",
        runId,
        detail("resumeFromRun", fromRunId, "schedule", scheduleId));
    return run;
  }

  /**
   * Records a checkpoint the training wrote to the object store. Idempotent per (run, step): a
   * re-written step (a retried attempt reaching it again) replaces the row.
   */
  @Transactional
  public CheckpointRef recordCheckpoint(
      long runId, long step, String uri, String sha256, long sizeBytes, String actor) {
    TrainingRun run = lock(runId);
    Sha256.require("sha256", sha256);
    ValidationException.requireText("uri", uri);
    RunCheckpoint row =
        RunCheckpoint.<RunCheckpoint>find("run = ?1 and step = ?2", run, step)
            .firstResultOptional()
            .orElseGet(RunCheckpoint::new);
    boolean same = uri.equals(row.uri) && sha256.equals(row.sha256);
    row.run = run;
    row.step = step;
    row.uri = uri;
    row.sha256 = sha256;
    row.sizeBytes = sizeBytes;
    row.createdAt = Instant.now();
    row.persist();
    if (!same) {
      audit.record(
          actor,
          "run.checkpoint-recorded",
          "run",
          runId,
          detail("step", step, "uri", uri, "sha256", sha256));
    }
    return CheckpointRef.of(row);
  }

  /** The run's checkpoint with the highest step, if it wrote any. */
  @Transactional
  public java.util.Optional<CheckpointRef> latestCheckpoint(long runId) {
    TrainingRun run = get(runId);
    return RunCheckpoint.<RunCheckpoint>find("run = ?1 order by step desc", run)
        .firstResultOptional()
        .map(CheckpointRef::of);
  }

  /**
   * Whether registering this run's model moves the {@code candidate} alias to it (a schedule may
   * register its models without proposing them). Set before the run's workflow starts.
   */
  @Transactional
  public TrainingRun setRegisterCandidate(long runId, boolean registerCandidate, String actor) {
    TrainingRun run = lock(runId);
    if (run.registerCandidate == registerCandidate) return run;
    run.registerCandidate = registerCandidate;
    touch(run);
    audit.record(
        actor,
        "run.register-candidate",
        "run",
        runId,
        detail("registerCandidate", registerCandidate));
    return run;
  }

  @Transactional
  public TrainingRun attachWorkflow(long runId, String workflowId, String actor) {
    TrainingRun run = lock(runId);
    ValidationException.requireText("workflowId", workflowId);
    if (workflowId.equals(run.workflowId)) {
      return run;
    }
    if (run.workflowId != null) {
      throw new ConflictException(
          "run " + runId + " already has workflow '" + run.workflowId + "'");
    }
    run.workflowId = workflowId;
    touch(run);
    audit.record(actor, "run.workflow-attached", "run", runId, detail("workflowId", workflowId));
    return run;
  }

  @Transactional
  public TrainingRun attachMlflowRun(long runId, String mlflowRunId, String actor) {
    TrainingRun run = lock(runId);
    ValidationException.requireText("mlflowRunId", mlflowRunId);
    if (mlflowRunId.equals(run.mlflowRunId)) {
      return run;
    }
    if (run.mlflowRunId != null) {
      throw new ConflictException("run " + runId + " already has MLflow run " + run.mlflowRunId);
    }
    run.mlflowRunId = mlflowRunId;
    touch(run);
    audit.record(actor, "run.mlflow-attached", "run", runId, detail("mlflowRunId", mlflowRunId));
    return run;
  }

  /** Sets the dataset version that curation produced; the name must match the run's dataset. */
  @Transactional
  public TrainingRun attachDatasetVersion(long runId, long datasetVersionId, String actor) {
    TrainingRun run = lock(runId);
    DatasetVersion version = DatasetVersion.findById(datasetVersionId);
    if (version == null) {
      throw NotFoundException.of("dataset version", datasetVersionId);
    }
    if (!version.datasetName.equals(run.datasetName)) {
      throw new ValidationException(
          "dataset version "
              + datasetVersionId
              + " belongs to '"
              + version.datasetName
              + "', run "
              + runId
              + " trains on '"
              + run.datasetName
              + "'");
    }
    if (run.datasetVersion != null && run.datasetVersion.id.equals(version.id)) {
      return run;
    }
    if (run.datasetVersion != null) {
      throw new ConflictException(
          "run " + runId + " already uses dataset version " + run.datasetVersion.id);
    }
    run.datasetVersion = version;
    touch(run);
    audit.record(
        actor,
        "run.dataset-attached",
        "run",
        runId,
        detail(
            "datasetVersionId",
            version.id,
            "version",
            version.version,
            "manifestSha256",
            version.manifestSha256));
    return run;
  }

  /**
   * Moves the run to a dataset version derived from the one it has (e.g. with synthetic labels
   * added): allowed only from {@code derivedFromId}; repeating it is a no-op.
   */
  @Transactional
  public TrainingRun replaceDatasetVersion(
      long runId, long datasetVersionId, long derivedFromId, String actor) {
    TrainingRun run = lock(runId);
    if (run.datasetVersion != null && run.datasetVersion.id == datasetVersionId) {
      return run;
    }
    if (run.datasetVersion == null || run.datasetVersion.id != derivedFromId) {
      throw new ConflictException(
          "run " + runId + " does not use dataset version " + derivedFromId + "; cannot derive");
    }
    DatasetVersion version = DatasetVersion.findById(datasetVersionId);
    if (version == null) {
      throw NotFoundException.of("dataset version", datasetVersionId);
    }
    run.datasetVersion = version;
    touch(run);
    audit.record(
        actor,
        "run.dataset-derived",
        "run",
        runId,
        detail(
            "from",
            derivedFromId,
            "to",
            datasetVersionId,
            "manifestSha256",
            version.manifestSha256));
    return run;
  }

  /**
   * Reports the stage now running and overall progress (0..1); moves a QUEUED run to RUNNING.
   * {@code lastStep}/{@code lastLoss} may be null when the stage has no training steps.
   */
  @Transactional
  public TrainingRun updateProgress(
      long runId,
      String stage,
      double progress,
      String message,
      Long lastStep,
      Double lastLoss,
      String actor) {
    if (!(progress >= 0 && progress <= 1)) {
      throw new ValidationException("progress must be within 0..1, got " + progress);
    }
    TrainingRun run = lock(runId);
    if (run.status.isFinal()) {
      throw new ConflictException("run " + runId + " has already " + run.status);
    }
    RunStatus before = run.status;
    String stageBefore = run.stage;
    run.status = RunStatus.RUNNING;
    run.stage = stage;
    run.progress = progress;
    run.message = message;
    if (lastStep != null) {
      run.lastStep = lastStep;
    }
    if (lastLoss != null) {
      run.lastLoss = lastLoss;
    }
    touch(run);
    // The log records decisions and changes, not every progress write: only a run starting or
    // moving to another stage is an event (training progress and loss are in the run's row).
    if (before != run.status || !Objects.equals(stageBefore, stage)) {
      audit.record(
          actor,
          before != run.status ? "run.started" : "run.stage-changed",
          "run",
          runId,
          detail("from", before, "status", run.status, "stage", stage, "message", message));
    }
    return run;
  }

  /**
   * Moves the run to {@code status}. A final run (SUCCEEDED/FAILED) cannot change again; setting
   * the same final status twice is a no-op so retried activities are safe.
   */
  @Transactional
  public TrainingRun updateStatus(long runId, RunStatus status, String message, String actor) {
    Objects.requireNonNull(status, "status");
    TrainingRun run = lock(runId);
    if (run.status == status && status.isFinal()) {
      return run;
    }
    if (run.status.isFinal()) {
      throw new ConflictException(
          "run " + runId + " has already " + run.status + "; cannot become " + status);
    }
    RunStatus before = run.status;
    run.status = status;
    run.message = message;
    if (status == RunStatus.SUCCEEDED) {
      run.progress = 1;
    }
    if (status.isFinal()) {
      run.finishedAt = Instant.now();
    }
    touch(run);
    audit.record(
        actor,
        "run.status-changed",
        "run",
        runId,
        detail("from", before, "to", status, "message", message));
    return run;
  }

  /**
   * Stores loss samples. Re-sent steps (an activity resumed from a checkpoint) replace the earlier
   * values instead of duplicating them. Also updates the run's lastStep/lastLoss.
   */
  @Transactional
  public void recordLoss(long runId, List<LossSample> samples, String actor) {
    if (samples == null || samples.isEmpty()) {
      return;
    }
    TrainingRun run = lock(runId);
    TreeMap<Long, Double> byStep = new TreeMap<>();
    for (LossSample s : samples) {
      if (!Double.isFinite(s.loss())) {
        throw new ValidationException("loss at step " + s.step() + " is " + s.loss());
      }
      byStep.put(s.step(), s.loss());
    }
    LossPoint.delete("run = ?1 and step in ?2", run, List.copyOf(byStep.keySet()));
    byStep.forEach(
        (step, loss) -> {
          LossPoint point = new LossPoint();
          point.run = run;
          point.step = step;
          point.loss = loss;
          point.persist();
        });
    long lastStep = byStep.lastKey();
    if (run.lastStep == null || lastStep >= run.lastStep) {
      run.lastStep = lastStep;
      run.lastLoss = byStep.get(lastStep);
    }
    touch(run);
    // Loss points are measurements, not decisions: not audited (the issue-12 review counted 2,600
    // events after a few runs, most of them progress and loss writes).
  }

  /** The run's loss curve, by step. */
  @Transactional
  public List<LossSample> lossCurve(long runId) {
    TrainingRun run = get(runId);
    return LossPoint.<LossPoint>list("run = ?1 order by step", run).stream()
        .map(p -> new LossSample(p.step, p.loss))
        .toList();
  }

  /**
   * Registers the run's model. Idempotent per (run, checkpoint sha256). Evaluations of this run
   * that have no model version yet are linked to the new one.
   */
  @Transactional
  public ModelVersion recordModelVersion(long runId, NewModelVersion spec, String actor) {
    return recordModelVersion(runId, spec, null, actor);
  }

  /** The version a run registered for this checkpoint, if any (retries find it). */
  @Transactional
  public java.util.Optional<ModelVersion> findModelVersion(long runId, String checkpointSha256) {
    return ModelVersion.<ModelVersion>find(
            "run.id = ?1 and checkpointSha256 = ?2", runId, checkpointSha256)
        .firstResultOptional();
  }

  /**
   * Registers the run's model with {@code preferredVersion} as its number when given and free (the
   * number MLflow gave the same model version, so both registries agree); otherwise the next one.
   */
  @Transactional
  public ModelVersion recordModelVersion(
      long runId, NewModelVersion spec, Integer preferredVersion, String actor) {
    TrainingRun run = lock(runId);
    String sha = Sha256.require("checkpointSha256", spec.checkpointSha256());
    ValidationException.requireText("checkpointUri", spec.checkpointUri());
    if (spec.labelEmbeddingsSha256() != null) {
      Sha256.require("labelEmbeddingsSha256", spec.labelEmbeddingsSha256());
    }
    String modelName = spec.modelName() == null ? "ovid" : spec.modelName().trim();
    var existing =
        ModelVersion.<ModelVersion>find("run = ?1 and checkpointSha256 = ?2", run, sha)
            .firstResultOptional();
    if (existing.isPresent()) {
      return existing.get();
    }
    ModelVersion model = new ModelVersion();
    model.run = run;
    model.modelName = modelName;
    boolean preferredFree =
        preferredVersion != null
            && preferredVersion > 0
            && ModelVersion.count("modelName = ?1 and version = ?2", modelName, preferredVersion)
                == 0;
    model.version =
        preferredFree
            ? preferredVersion
            : ModelVersion.<ModelVersion>find("modelName = ?1", modelName).stream()
                    .map(m -> m.version)
                    .max(Comparator.naturalOrder())
                    .orElse(0)
                + 1;
    model.checkpointUri = spec.checkpointUri();
    model.checkpointSha256 = sha;
    model.labelEmbeddingsUri = spec.labelEmbeddingsUri();
    model.labelEmbeddingsSha256 = spec.labelEmbeddingsSha256();
    model.mlflowRunId = spec.mlflowRunId() != null ? spec.mlflowRunId() : run.mlflowRunId;
    model.createdAt = Instant.now();
    model.persist();
    int linked =
        Evaluation.update("modelVersion = ?1 where run = ?2 and modelVersion is null", model, run);
    touch(run);
    audit.record(
        actor,
        "model.version-registered",
        "model-version",
        model.id,
        detail(
            "run",
            runId,
            "model",
            modelName,
            "version",
            model.version,
            "checkpointUri",
            model.checkpointUri,
            "checkpointSha256",
            sha,
            "labelEmbeddingsUri",
            model.labelEmbeddingsUri,
            "evaluationsLinked",
            linked));
    return model;
  }

  /**
   * Records an evaluation. Idempotent per (run, dataset version, model version, report URI): a
   * retried evaluate activity gets the first row back.
   */
  /** A registered model version with its run (for teachers and lineage). */
  @Transactional
  public ModelVersion getModelVersion(long id) {
    ModelVersion version = ModelVersion.findById(id);
    if (version == null) throw NotFoundException.of("model version", id);
    version.run.id.longValue(); // loads the run while the session is open
    return version;
  }

  @Transactional
  public Evaluation recordEvaluation(long runId, NewEvaluation spec, String actor) {
    TrainingRun run = lock(runId);
    for (double v : new double[] {spec.aupr(), spec.peakF1(), spec.peakF1Threshold()}) {
      if (!(v >= 0 && v <= 1)) {
        throw new ValidationException(
            "aupr, peakF1 and peakF1Threshold must be within 0..1, got " + v);
      }
    }
    DatasetVersion dataset = DatasetVersion.findById(spec.datasetVersionId());
    if (dataset == null) {
      throw NotFoundException.of("dataset version", spec.datasetVersionId());
    }
    ModelVersion model = null;
    if (spec.modelVersionId() != null) {
      model = ModelVersion.findById(spec.modelVersionId());
      if (model == null) {
        throw NotFoundException.of("model version", spec.modelVersionId());
      }
    }
    for (Evaluation e : Evaluation.ofRun(run)) {
      if (e.datasetVersion.id.equals(dataset.id)
          && Objects.equals(
              e.modelVersion == null ? null : e.modelVersion.id, spec.modelVersionId())
          && Objects.equals(e.reportUri, spec.reportUri())) {
        return e;
      }
    }
    Evaluation evaluation = new Evaluation();
    evaluation.run = run;
    evaluation.modelVersion = model;
    evaluation.datasetVersion = dataset;
    evaluation.aupr = spec.aupr();
    evaluation.peakF1 = spec.peakF1();
    evaluation.peakF1Threshold = spec.peakF1Threshold();
    evaluation.reportUri = spec.reportUri();
    evaluation.createdAt = Instant.now();
    evaluation.persist();
    touch(run);
    audit.record(
        actor,
        "run.evaluation-recorded",
        "evaluation",
        evaluation.id,
        detail(
            "run",
            runId,
            "datasetVersionId",
            dataset.id,
            "modelVersionId",
            spec.modelVersionId(),
            "aupr",
            spec.aupr(),
            "peakF1",
            spec.peakF1(),
            "peakF1Threshold",
            spec.peakF1Threshold(),
            "reportUri",
            spec.reportUri()));
    return evaluation;
  }

  @Transactional
  public TrainingRun get(long runId) {
    TrainingRun run = TrainingRun.findById(runId);
    if (run == null) {
      throw NotFoundException.of("run", runId);
    }
    return run;
  }

  @Transactional
  public TrainingRun findByWorkflowId(String workflowId) {
    return TrainingRun.findByWorkflowId(workflowId)
        .orElseThrow(() -> NotFoundException.of("run with workflow id", workflowId));
  }

  /** The newest runs first. */
  @Transactional
  public List<TrainingRun> listRecent(int limit) {
    return TrainingRun.find("order by createdAt desc, id desc").page(0, Math.max(1, limit)).list();
  }

  /** The runs a schedule started, newest first. */
  @Transactional
  public List<TrainingRun> listBySchedule(String scheduleId, int limit) {
    return TrainingRun.find("scheduleId = ?1 order by createdAt desc, id desc", scheduleId)
        .page(0, Math.max(1, limit))
        .list();
  }

  /** Runs not yet final that have a workflow: the ones a workflow may have left behind. */
  @Transactional
  public List<TrainingRun> listInFlight() {
    return TrainingRun.find(
            "status in ?1 and workflowId is not null order by id",
            List.of(RunStatus.QUEUED, RunStatus.RUNNING))
        .list();
  }

  /** The run's hyperparameters as stored at creation. */
  @Transactional
  public Map<String, Object> hyperparameters(long runId) {
    return Json.readObject(get(runId).hyperparametersJson, "hyperparameters of run " + runId);
  }

  private TrainingRun lock(long runId) {
    TrainingRun run = TrainingRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      throw NotFoundException.of("run", runId);
    }
    return run;
  }

  private static void touch(TrainingRun run) {
    run.updatedAt = Instant.now();
  }
}
