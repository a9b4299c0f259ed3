package dev.ovid.activities.evaluation;

import dev.ovid.activities.common.Actors;
import dev.ovid.activities.expansion.LabelEmbeddingFiles;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.activities.training.DatasetVersionReader;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.model.metrics.Evaluation;
import dev.ovid.model.metrics.MultiLabelMetrics;
import dev.ovid.model.metrics.plot.MetricPlots;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.NewEvaluation;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MetricPoint;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.evaluation.EvaluationActivities;
import dev.ovid.workflows.evaluation.EvaluationRequest;
import dev.ovid.workflows.evaluation.EvaluationResult;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the held-out videos against the label-embedding database and computes AUPR, mAP, peak F1
 * (with its threshold) and GAP@20; stores a report and PR / F1 plots with the run.
 */
@ApplicationScoped
public class EvaluationActivitiesImpl implements EvaluationActivities {
  private static final int PLOT_POINTS = 200;

  @Inject ObjectStore store;
  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;
  @Inject PipelineModels models;
  @Inject DatasetVersionReader datasets;

  @Override
  public EvaluationResult evaluate(EvaluationRequest request) {
    LabelEmbeddingDatabase labels = loadLabels(request.labels().embeddings());
    List<ManifestEntry> videos = datasets.entries(request.dataset().manifest(), "eval");
    float[][] embeddings;
    double temperature;
    var context = Activity.getExecutionContext();
    try (OvidModel model = models.load(request.runId(), request.model())) {
      int frames = models.frames(request.runId());
      int size = models.imageSize(model);
      try (PrefetchingReader<DecodedVideo> reader = datasets.open(videos, frames, size, false)) {
        embeddings =
            StreamedEmbeddings.embed(
                model, reader, videos.size(), frames, size, () -> context.heartbeat(null));
      }
      temperature = models.temperature(request.runId(), model);
    }
    Evaluation result =
        MultiLabelMetrics.evaluate(
            ScoreMatrix.decisions(
                videos, labels.labels(), labels.probabilities(embeddings, temperature)));

    byte[] report =
        Json.write(report(result, labels, videos.size())).getBytes(StandardCharsets.UTF_8);
    StoredObject stored =
        store.put("runs/" + request.runId() + "/evaluation/" + Sha256.of(report) + ".json", report);
    logToMlflow(request.mlflowRunId(), result, report);
    var row =
        runs.recordEvaluation(
            request.runId(),
            new NewEvaluation(
                request.dataset().datasetVersionId(),
                null,
                result.aupr(),
                result.peakF1(),
                clamp01(result.peakF1Threshold()),
                stored.uri()),
            Actors.WORKER);
    return new EvaluationResult(
        row.id,
        result.aupr(),
        result.peakF1(),
        result.peakF1Threshold(),
        new ObjectRef(stored.uri(), stored.sha256(), stored.size()));
  }

  private LabelEmbeddingDatabase loadLabels(ObjectRef ref) {
    return LabelEmbeddingFiles.download(store, ref.uri(), ref.sha256());
  }

  private void logToMlflow(String mlflowRunId, Evaluation result, byte[] report) {
    long now = System.currentTimeMillis();
    mlflow.logMetrics(
        mlflowRunId,
        List.of(
            new MetricPoint("eval_aupr", result.aupr(), 0, now),
            new MetricPoint("eval_map", result.map(), 0, now),
            new MetricPoint("eval_peak_f1", result.peakF1(), 0, now),
            new MetricPoint("eval_peak_f1_threshold", result.peakF1Threshold(), 0, now),
            new MetricPoint("eval_gap20", result.gap20(), 0, now)));
    mlflow.logArtifact(mlflowRunId, "evaluation/report.json", report);
    var curve = result.curve();
    mlflow.logArtifact(
        mlflowRunId,
        "plots/precision_recall.svg",
        MetricPlots.precisionRecall(curve.prSeries(PLOT_POINTS), "Precision-recall (eval split)")
            .getBytes(StandardCharsets.UTF_8));
    mlflow.logArtifact(
        mlflowRunId,
        "plots/f1_vs_threshold.svg",
        MetricPlots.f1VsThreshold(curve.f1Series(PLOT_POINTS), "F1 vs threshold (eval split)")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> report(
      Evaluation result, LabelEmbeddingDatabase labels, int videos) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("split", "eval");
    report.put("videos", videos);
    report.put("labels", labels.size());
    report.put("labelEmbeddingsModelVersion", labels.modelVersion());
    report.put("aupr", result.aupr());
    report.put("map", result.map());
    report.put("peakF1", result.peakF1());
    report.put("peakF1Threshold", result.peakF1Threshold());
    report.put("gap20", result.gap20());
    report.put("decisions", result.decisions());
    report.put("positives", result.positives());
    report.put("perClassAp", result.perClassAp());
    return report;
  }

  /** Probabilities are in [0, 1]; an infinite "no threshold" sentinel is stored as 1. */
  private static double clamp01(double value) {
    return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 1.0;
  }
}
