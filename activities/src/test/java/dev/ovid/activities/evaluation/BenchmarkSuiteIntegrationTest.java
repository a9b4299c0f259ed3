package dev.ovid.activities.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.activities.testing.TestPipelines;
import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.benchmark.BenchmarkResult;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.lineage.LineageService;
import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.tracking.RunSnapshot;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.benchmark.BenchmarkEvaluationWorkflow;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import dev.ovid.workflows.benchmark.BenchmarkSuiteRequest;
import dev.ovid.workflows.benchmark.BenchmarkSuiteResult;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.ModelPreset;
import io.quarkus.test.junit.QuarkusTest;
import io.temporal.client.WorkflowOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A model trained by the demo pipeline, evaluated on a two-benchmark suite through the real
 * Temporal, PostgreSQL, MinIO and MLflow: the demo vocabulary, and a second vocabulary with the
 * demo labels plus names no video carries.
 */
@QuarkusTest
class BenchmarkSuiteIntegrationTest {
  @Inject TestPipelines pipelines;
  @Inject LineageService lineage;
  @Inject BenchmarkRegistry benchmarks;
  @Inject VocabularyService vocabularies;
  @Inject TemporalConnection temporal;
  @Inject MlflowTracker mlflow;
  @Inject ObjectStore store;

  @Test
  void suiteStoresMetricsCalibratedThresholdReportAndMlflowRun() {
    TrainingRun run =
        pipelines.launchDemo(
            // The frame-mean baseline trains nothing, so the suite, not training, is what runs.
            ModelPreset.named("frame-mean")
                .applyTo(new Hyperparameters(1, 8, 1e-3, 0.07, 1.0, 0.5, 2, 50, 3L)),
            "benchmark-test");
    TrainingRun done = pipelines.await(run.id, r -> r.status.isFinal(), Duration.ofMinutes(10));
    assertEquals(RunStatus.SUCCEEDED, done.status, done.message);
    RunLineage trail = lineage.lineageOf(run.id);
    long modelVersionId = trail.models().get(0).id();
    long datasetVersionId = trail.dataset().versionId();

    String name = "bench-open-" + UUID.randomUUID().toString().substring(0, 8);
    Vocabulary open = vocabularies.create(name, "demo labels plus unseen names", "benchmark-test");
    List<NewLabel> labels = new ArrayList<>();
    DemoDataset.labels().forEach(l -> labels.add(NewLabel.human(l, "test")));
    labels.add(NewLabel.human("purple elephant", "test"));
    labels.add(NewLabel.human("spinning top", "test"));
    vocabularies.addLabels(name, labels, "benchmark-test");
    long demoVocabulary = trail.vocabulary().id();

    List<BenchmarkSpec> suite =
        List.of(
            new BenchmarkSpec("demo", datasetVersionId, demoVocabulary, "eval", "train"),
            new BenchmarkSpec("demo-open", datasetVersionId, open.id, "eval", "eval"));
    BenchmarkEvaluation row = benchmarks.create(modelVersionId, suite, null, "benchmark-test");
    String workflowId =
        "ovid-benchmark-" + row.id + "-" + UUID.randomUUID().toString().substring(0, 8);
    benchmarks.setWorkflow(row.id, workflowId);
    BenchmarkEvaluationWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                BenchmarkEvaluationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                    .build());
    BenchmarkSuiteResult result =
        workflow.evaluate(new BenchmarkSuiteRequest(row.id, modelVersionId, suite));

    BenchmarkEvaluation stored = benchmarks.get(row.id);
    assertEquals(BenchmarkEvaluation.SUCCEEDED, stored.status);
    assertEquals(result.calibratedThreshold(), stored.calibratedThreshold, 0.0);
    assertTrue(stored.calibrationMinF1 > 0 && stored.calibrationMinF1 <= 1);
    List<BenchmarkResult> results = benchmarks.results(row.id);
    assertEquals(2, results.size());
    for (BenchmarkResult r : results) {
      assertTrue(r.aupr > 0 && r.aupr <= 1, r.name + " aupr " + r.aupr);
      assertTrue(r.map > 0 && r.map <= 1, r.name + " map " + r.map);
      assertTrue(r.gap20 >= 0 && r.gap20 <= 1, r.name + " gap " + r.gap20);
      assertNotNull(r.f1AtCalibrated);
      assertTrue(r.prCurveJson.startsWith("[["), r.prCurveJson);
    }
    assertEquals(DemoDataset.labels().size(), results.get(0).labels);
    assertEquals(DemoDataset.labels().size() + 2, results.get(1).labels);
    assertEquals(result.f1AtCalibrated().get(1), results.get(1).f1AtCalibrated, 0.0);

    byte[] report = store.getBytes(S3Location.parse(stored.reportUri).key());
    assertTrue(new String(report).contains("\"calibratedThreshold\""));
    assertTrue(store.exists("benchmarks/" + row.id + "/1/pr_curve.svg"));

    RunSnapshot tracked = mlflow.readRun(stored.mlflowRunId);
    assertEquals(done.mlflowRunId, tracked.tags().get(MlflowTracker.TAG_PARENT_RUN));
    assertTrue(
        tracked.latestMetrics().containsKey("calibrated_threshold"),
        "metrics " + tracked.latestMetrics());
    assertTrue(tracked.latestMetrics().containsKey("bench1_demo-open_aupr"));
    assertFalse(mlflow.listArtifacts(stored.mlflowRunId).isEmpty());
  }
}
