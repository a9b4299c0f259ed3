package dev.ovid.activities.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.activities.common.Actors;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.activities.training.DatasetVersionReader;
import dev.ovid.activities.training.PipelineModels;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.metrics.CurveSeries;
import dev.ovid.model.metrics.Evaluation;
import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.model.metrics.MultiLabelMetrics;
import dev.ovid.model.metrics.PrecisionRecallCurve;
import dev.ovid.model.metrics.plot.MetricPlots;
import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.benchmark.BenchmarkResult;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.tracking.MetricPoint;
import dev.ovid.registry.tracking.MlflowRun;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.tracking.RunOutcome;
import dev.ovid.registry.tracking.RunSpec;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.workflows.benchmark.BenchmarkActivities;
import dev.ovid.workflows.benchmark.BenchmarkScores;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import dev.ovid.workflows.benchmark.BenchmarkSuiteRequest;
import dev.ovid.workflows.benchmark.BenchmarkSuiteResult;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.training.TrainedModelRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a model version zero-shot on each benchmark of a suite (its videos against the benchmark's
 * vocabulary), then calibrates the suite's single threshold. Idempotent: results are keyed by
 * (evaluation, position), objects by content, the MLflow run by tags.
 */
@ApplicationScoped
public class BenchmarkActivitiesImpl implements BenchmarkActivities {
  static final int PLOT_POINTS = 200;

  @Inject BenchmarkRegistry benchmarks;
  @Inject ObjectStore store;
  @Inject MlflowTracker mlflow;
  @Inject PipelineModels models;
  @Inject DatasetVersionReader datasets;

  private record ModelInputs(long runId, TrainedModelRef ref, String mlflowRunId, String name) {}

  private record BenchmarkInputs(ObjectRef manifest, List<String> labels) {}

  @Override
  public String startTracking(BenchmarkSuiteRequest request) {
    ModelInputs model = model(request.modelVersionId());
    String stage = "benchmark-" + request.evaluationId();
    MlflowRun run =
        model.mlflowRunId() != null
            ? mlflow.startStageRun(model.mlflowRunId(), Long.toString(model.runId()), stage)
            : mlflow.startRun(
                new RunSpec(
                    stage,
                    stage,
                    null,
                    null,
                    null,
                    null,
                    Map.of("ovid.model_run", "" + model.runId())));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("modelVersion", model.name());
    params.put("modelVersionId", request.modelVersionId());
    for (int i = 0; i < request.benchmarks().size(); i++) {
      BenchmarkSpec b = request.benchmarks().get(i);
      params.put(
          "benchmark." + i,
          b.name()
              + " (dataset version "
              + b.datasetVersionId()
              + ", vocabulary "
              + b.vocabularyId()
              + ")");
    }
    mlflow.logParams(run.runId(), params);
    benchmarks.setMlflowRun(request.evaluationId(), run.runId());
    return run.runId();
  }

  @Override
  public BenchmarkScores score(BenchmarkSuiteRequest request, int position) {
    BenchmarkSpec spec = request.benchmarks().get(position);
    ModelInputs model = model(request.modelVersionId());
    BenchmarkInputs inputs = inputs(spec);
    if (inputs.labels().isEmpty()) {
      throw new BadInputException("vocabulary " + spec.vocabularyId() + " has no labels");
    }
    MultiLabelDecisions evaluation;
    MultiLabelDecisions calibration;
    try (OvidModel m = models.load(model.runId(), model.ref())) {
      int frames = models.frames(model.runId());
      int size = models.imageSize(m);
      double temperature = models.temperature(model.runId(), m);
      float[][] labels = embedLabels(m, inputs.labels());
      evaluation = decisions(m, inputs, spec.evaluationSplit(), labels, frames, size, temperature);
      calibration =
          spec.calibrationSplit().equals(spec.evaluationSplit())
              ? evaluation
              : decisions(m, inputs, spec.calibrationSplit(), labels, frames, size, temperature);
    }
    Evaluation e = MultiLabelMetrics.evaluate(evaluation);
    String prefix = "benchmarks/" + request.evaluationId() + "/" + position + "/";
    ObjectRef evalRef = putDecisions(prefix + "evaluation-decisions.bin", evaluation);
    ObjectRef calRef =
        calibration == evaluation
            ? evalRef
            : putDecisions(prefix + "calibration-decisions.bin", calibration);
    BenchmarkScores scores =
        new BenchmarkScores(
            position,
            e.videos(),
            e.labels(),
            e.aupr(),
            e.map(),
            e.peakF1(),
            e.peakF1Threshold(),
            e.gap20(),
            evalRef,
            calRef);
    benchmarks.record(request.evaluationId(), spec, scores, prCurveJson(e.curve()));
    return scores;
  }

  @Override
  public BenchmarkSuiteResult calibrate(
      BenchmarkSuiteRequest request, String mlflowRunId, List<BenchmarkScores> scores) {
    List<PrecisionRecallCurve> calibration = new ArrayList<>();
    List<PrecisionRecallCurve> evaluation = new ArrayList<>();
    for (BenchmarkScores s : scores) {
      calibration.add(curve(s.calibrationDecisions()));
      evaluation.add(curve(s.evaluationDecisions()));
    }
    SuiteCalibration.Result r = SuiteCalibration.calibrate(calibration, evaluation);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("evaluationId", request.evaluationId());
    report.put("modelVersionId", request.modelVersionId());
    report.put("calibratedThreshold", Double.isFinite(r.threshold()) ? r.threshold() : null);
    report.put("calibrationMinF1", r.minF1());
    List<Map<String, Object>> rows = new ArrayList<>();
    List<MetricPoint> metrics = new ArrayList<>();
    long now = System.currentTimeMillis();
    metrics.add(new MetricPoint("calibrated_threshold", finite(r.threshold()), 0, now));
    metrics.add(new MetricPoint("calibration_min_f1", r.minF1(), 0, now));
    for (int i = 0; i < scores.size(); i++) {
      BenchmarkScores s = scores.get(i);
      BenchmarkSpec b = request.benchmarks().get(i);
      String key = "bench" + i + "_" + b.name().replaceAll("[^A-Za-z0-9_.-]", "_");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", b.name());
      row.put("datasetVersionId", b.datasetVersionId());
      row.put("vocabularyId", b.vocabularyId());
      row.put("videos", s.videos());
      row.put("labels", s.labels());
      row.put("aupr", s.aupr());
      row.put("map", s.map());
      row.put("peakF1", s.peakF1());
      row.put("peakF1Threshold", Double.isFinite(s.peakF1Threshold()) ? s.peakF1Threshold() : null);
      row.put("gap20", s.gap20());
      row.put("calibrationF1", r.calibrationF1().get(i));
      row.put("f1AtCalibratedThreshold", r.f1().get(i));
      CurveSeries pr = evaluation.get(i).prSeries(PLOT_POINTS);
      row.put("prCurve", Map.of("recall", pr.x(), "precision", pr.y()));
      rows.add(row);
      metrics.add(new MetricPoint(key + "_aupr", s.aupr(), 0, now));
      metrics.add(new MetricPoint(key + "_map", s.map(), 0, now));
      metrics.add(new MetricPoint(key + "_peak_f1", s.peakF1(), 0, now));
      metrics.add(new MetricPoint(key + "_gap20", s.gap20(), 0, now));
      metrics.add(new MetricPoint(key + "_f1_at_calibrated", r.f1().get(i), 0, now));
      String svg = MetricPlots.precisionRecall(pr, "Precision-recall: " + b.name());
      store.replace(
          "benchmarks/" + request.evaluationId() + "/" + i + "/pr_curve.svg",
          svg.getBytes(StandardCharsets.UTF_8));
      mlflow.logArtifact(
          mlflowRunId, "plots/" + key + "_pr.svg", svg.getBytes(StandardCharsets.UTF_8));
    }
    report.put("benchmarks", rows);
    byte[] bytes = Json.write(report).getBytes(StandardCharsets.UTF_8);
    StoredObject stored =
        store.put(
            "benchmarks/" + request.evaluationId() + "/report-" + Sha256.of(bytes) + ".json",
            bytes);
    mlflow.logMetrics(mlflowRunId, metrics);
    mlflow.logArtifact(mlflowRunId, "benchmark/report.json", bytes);
    mlflow.setTerminated(mlflowRunId, RunOutcome.FINISHED);
    benchmarks.finish(
        request.evaluationId(),
        r.threshold(),
        r.minF1(),
        r.calibrationF1(),
        r.f1(),
        stored.uri(),
        Actors.WORKER);
    return new BenchmarkSuiteResult(
        request.evaluationId(),
        r.threshold(),
        r.minF1(),
        r.f1(),
        new ObjectRef(stored.uri(), stored.sha256(), stored.size()));
  }

  @Override
  public void fail(long evaluationId, String mlflowRunId, String message) {
    benchmarks.fail(evaluationId, message, Actors.WORKER);
    if (mlflowRunId != null) {
      mlflow.setTerminated(mlflowRunId, RunOutcome.FAILED);
    }
  }

  private ModelInputs model(long modelVersionId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ModelVersion v = ModelVersion.findById(modelVersionId);
              if (v == null) {
                throw new BadInputException("model version " + modelVersionId + " does not exist");
              }
              TrainedModelRef ref =
                  new TrainedModelRef(
                      new ObjectRef(v.checkpointUri, v.checkpointSha256, 0), 0, 0, 0);
              return new ModelInputs(v.run.id, ref, v.mlflowRunId, v.modelName + " v" + v.version);
            });
  }

  private BenchmarkInputs inputs(BenchmarkSpec spec) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              DatasetVersion d = DatasetVersion.findById(spec.datasetVersionId());
              Vocabulary v = Vocabulary.findById(spec.vocabularyId());
              if (d == null || v == null) {
                throw new BadInputException(
                    "benchmark " + spec.name() + ": unknown dataset version or vocabulary");
              }
              List<String> names = Label.ofVocabulary(v).stream().map(l -> l.name).toList();
              return new BenchmarkInputs(new ObjectRef(d.manifestUri, d.manifestSha256, 0), names);
            });
  }

  private static float[][] embedLabels(OvidModel model, List<String> names) {
    try (NDManager m = model.manager().newSubManager()) {
      NDArray e = model.embedLabels(names, m);
      int d = (int) e.getShape().get(1);
      float[] flat = e.toFloatArray();
      float[][] out = new float[names.size()][];
      for (int i = 0; i < names.size(); i++) {
        out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
      }
      return out;
    }
  }

  private MultiLabelDecisions decisions(
      OvidModel model,
      BenchmarkInputs inputs,
      String split,
      float[][] labels,
      int frames,
      int size,
      double temperature) {
    List<ManifestEntry> videos = datasets.entries(inputs.manifest(), split);
    if (videos.isEmpty()) {
      throw new BadInputException(
          "split '" + split + "' of " + inputs.manifest().uri() + " has no videos");
    }
    float[][] embedded;
    var context = Activity.getExecutionContext();
    try (PrefetchingReader<DecodedVideo> reader = datasets.open(videos, frames, size, false)) {
      embedded =
          StreamedEmbeddings.embed(
              model, reader, videos.size(), frames, size, () -> context.heartbeat(null));
    }
    List<String> names = inputs.labels();
    int n = videos.size() * names.size();
    double[] scores = new double[n];
    boolean[] positives = new boolean[n];
    int[] video = new int[n];
    int[] label = new int[n];
    int r = 0;
    for (int v = 0; v < videos.size(); v++) {
      Set<String> truth = Set.copyOf(videos.get(v).labels());
      for (int l = 0; l < names.size(); l++) {
        double dot = 0;
        for (int k = 0; k < labels[l].length; k++) {
          dot += (double) labels[l][k] * embedded[v][k];
        }
        scores[r] = 1.0 / (1.0 + Math.exp(-dot / temperature));
        positives[r] = truth.contains(names.get(l));
        video[r] = v;
        label[r] = l;
        r++;
      }
    }
    return MultiLabelDecisions.of(
        scores, positives, video, label, videos.stream().map(ManifestEntry::id).toList(), names);
  }

  private ObjectRef putDecisions(String key, MultiLabelDecisions d) {
    StoredObject s = store.replace(key, DecisionFiles.write(d.scores(), d.positives()));
    return new ObjectRef(s.uri(), s.sha256(), s.size());
  }

  private PrecisionRecallCurve curve(ObjectRef ref) {
    byte[] bytes = store.getBytes(S3Location.parse(ref.uri()).key());
    if (!Sha256.of(bytes).equals(ref.sha256())) {
      throw new dev.ovid.registry.common.IntegrityException(
          ref.uri() + " changed since it was scored");
    }
    DecisionFiles.Decisions d = DecisionFiles.read(bytes, ref.uri());
    return PrecisionRecallCurve.of(d.scores(), d.positives());
  }

  static String prCurveJson(PrecisionRecallCurve curve) {
    CurveSeries pr = curve.prSeries(PLOT_POINTS);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < pr.size(); i++) {
      points.add(new double[] {pr.x()[i], pr.y()[i]});
    }
    return Json.write(points);
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 1.0;
  }

  /** For tests: the rows of one evaluation. */
  List<BenchmarkResult> results(long evaluationId) {
    return benchmarks.results(evaluationId);
  }

  BenchmarkEvaluation evaluation(long evaluationId) {
    return benchmarks.get(evaluationId);
  }
}
