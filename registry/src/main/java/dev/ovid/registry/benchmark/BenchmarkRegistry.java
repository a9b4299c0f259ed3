package dev.ovid.registry.benchmark;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.workflows.benchmark.BenchmarkScores;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmark suite evaluations and their per-benchmark results; every change is audited. */
@ApplicationScoped
public class BenchmarkRegistry {
  public static final String ENTITY = "benchmark_evaluation";

  @Inject AuditLog audit;

  /** Checks a suite before anything is created: known model, datasets and vocabularies. */
  @Transactional
  public void validate(long modelVersionId, List<BenchmarkSpec> suite) {
    if (ModelVersion.findById(modelVersionId) == null) {
      throw NotFoundException.of("model version", modelVersionId);
    }
    if (suite == null || suite.isEmpty()) {
      throw new ValidationException("a suite needs at least one benchmark");
    }
    for (BenchmarkSpec b : suite) {
      ValidationException.requireText("benchmark name", b.name());
      ValidationException.requireText("evaluationSplit", b.evaluationSplit());
      ValidationException.requireText("calibrationSplit", b.calibrationSplit());
      if (DatasetVersion.findById(b.datasetVersionId()) == null) {
        throw NotFoundException.of("dataset version", b.datasetVersionId());
      }
      if (Vocabulary.findById(b.vocabularyId()) == null) {
        throw NotFoundException.of("vocabulary", b.vocabularyId());
      }
    }
  }

  @Transactional
  public BenchmarkEvaluation create(
      long modelVersionId, List<BenchmarkSpec> suite, String workflowId, String actor) {
    validate(modelVersionId, suite);
    BenchmarkEvaluation e = new BenchmarkEvaluation();
    e.modelVersion = ModelVersion.findById(modelVersionId);
    e.status = BenchmarkEvaluation.RUNNING;
    e.workflowId = workflowId;
    e.launchedBy = ValidationException.requireText("actor", actor);
    e.createdAt = Instant.now();
    e.persist();
    audit.record(
        actor,
        "benchmark.started",
        ENTITY,
        e.id,
        Map.of("suite", suite, "modelVersionId", modelVersionId));
    return e;
  }

  @Transactional
  public void setWorkflow(long id, String workflowId) {
    get(id).workflowId = workflowId;
  }

  @Transactional
  public void setMlflowRun(long id, String mlflowRunId) {
    get(id).mlflowRunId = mlflowRunId;
  }

  @Transactional
  public BenchmarkEvaluation get(long id) {
    BenchmarkEvaluation e = BenchmarkEvaluation.findById(id);
    if (e == null) {
      throw NotFoundException.of("benchmark evaluation", id);
    }
    return e;
  }

  @Transactional
  public List<BenchmarkResult> results(long evaluationId) {
    return BenchmarkResult.list("evaluation.id = ?1 order by position", evaluationId);
  }

  @Transactional
  public List<BenchmarkEvaluation> list(int limit) {
    return BenchmarkEvaluation.find("order by id desc").page(0, limit).list();
  }

  /** Stores one benchmark's scores; re-recording the same position replaces it (idempotent). */
  @Transactional
  public BenchmarkResult record(
      long evaluationId, BenchmarkSpec spec, BenchmarkScores s, String prCurveJson) {
    BenchmarkEvaluation e = get(evaluationId);
    BenchmarkResult r =
        BenchmarkResult.<BenchmarkResult>find(
                "evaluation.id = ?1 and position = ?2", evaluationId, s.position())
            .firstResult();
    if (r == null) {
      r = new BenchmarkResult();
      r.evaluation = e;
      r.position = s.position();
    }
    r.name = spec.name();
    r.datasetVersionId = spec.datasetVersionId();
    r.vocabularyId = spec.vocabularyId();
    r.evaluationSplit = spec.evaluationSplit();
    r.calibrationSplit = spec.calibrationSplit();
    r.videos = s.videos();
    r.labels = s.labels();
    r.aupr = s.aupr();
    r.map = s.map();
    r.peakF1 = s.peakF1();
    r.peakF1Threshold = Double.isFinite(s.peakF1Threshold()) ? s.peakF1Threshold() : null;
    r.gap20 = s.gap20();
    r.prCurveJson = prCurveJson;
    r.persist();
    return r;
  }

  /** The suite's calibrated threshold and each benchmark's F1 at it (suite order). */
  @Transactional
  public BenchmarkEvaluation finish(
      long evaluationId,
      double threshold,
      double minF1,
      List<Double> calibrationF1,
      List<Double> f1AtCalibrated,
      String reportUri,
      String actor) {
    BenchmarkEvaluation e = get(evaluationId);
    List<BenchmarkResult> rows = results(evaluationId);
    if (rows.size() != f1AtCalibrated.size() || rows.size() != calibrationF1.size()) {
      throw new ValidationException(
          "evaluation "
              + evaluationId
              + " has "
              + rows.size()
              + " results, got "
              + f1AtCalibrated.size());
    }
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).calibrationF1 = calibrationF1.get(i);
      rows.get(i).f1AtCalibrated = f1AtCalibrated.get(i);
    }
    e.calibratedThreshold = Double.isFinite(threshold) ? threshold : null;
    e.calibrationMinF1 = minF1;
    e.reportUri = reportUri;
    if (!BenchmarkEvaluation.SUCCEEDED.equals(e.status)) {
      e.status = BenchmarkEvaluation.SUCCEEDED;
      e.finishedAt = Instant.now();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("calibratedThreshold", threshold);
      detail.put("calibrationMinF1", minF1);
      audit.record(actor, "benchmark.succeeded", ENTITY, e.id, detail);
    }
    return e;
  }

  @Transactional
  public void fail(long evaluationId, String message, String actor) {
    BenchmarkEvaluation e = get(evaluationId);
    if (BenchmarkEvaluation.FAILED.equals(e.status)) {
      return;
    }
    e.status = BenchmarkEvaluation.FAILED;
    e.message = message == null ? null : message.substring(0, Math.min(2000, message.length()));
    e.finishedAt = Instant.now();
    audit.record(
        actor, "benchmark.failed", ENTITY, e.id, Map.of("message", String.valueOf(message)));
  }
}
