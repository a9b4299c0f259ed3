package dev.ovid.web.ui;

import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewEvaluation;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.tracking.RunSpec;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.workflows.benchmark.BenchmarkScores;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data for the page-per-role browser test, written straight into the registry (no worker): a
 * finished, evaluated run with its model version (never put in production here: the label
 * near-duplicate check would ask a worker to load a checkpoint that does not exist), a run still
 * training, a vocabulary never published and one with unpublished changes, a curated dataset
 * version and a benchmark. Names carry a random suffix, so rows left by earlier runs never make a
 * check pass.
 */
@ApplicationScoped
public class PageSeeds {
  @Inject VocabularyService vocabularies;
  @Inject VocabularyVersions versions;
  @Inject DatasetRegistry datasets;
  @Inject RunRegistry runs;
  @Inject ObjectStore store;
  @Inject MlflowTracker mlflow;
  @Inject ModelRegistry models;
  @Inject BenchmarkRegistry benchmarks;

  record Seed(
      String suffix,
      String vocabulary,
      String publishedVocabulary,
      String dataset,
      String launcher,
      String modelName,
      long finishedRun,
      long trainingRun,
      long evaluatedModelVersionId,
      long benchmarkId,
      long benchmarkModelVersionId,
      int benchmarkModelVersion,
      String benchmarkColumn) {}

  Seed seed() throws InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String vocabulary = "every-" + suffix;
    vocabularies.create(vocabulary, "EveryPageBrowserTest", "test");
    vocabularies.addLabels(
        vocabulary,
        List.of(NewLabel.human("red", "test"), NewLabel.human("circle", "test")),
        "test");
    String published = "every-pub-" + suffix;
    vocabularies.create(published, "published, then changed", "test");
    vocabularies.addLabels(
        published,
        List.of(NewLabel.human("square", "test"), NewLabel.human("triangle", "test")),
        "test");
    versions.publish(published, "first", "test");
    vocabularies.addLabel(published, "hexagon", "test");

    String dataset = "every-ds-" + suffix;
    byte[] manifest =
        DatasetManifest.write(
            List.of(
                new ManifestEntry(
                    "a-" + suffix,
                    "s3://x/a-" + suffix + ".mp4",
                    "b".repeat(64),
                    List.of("red"),
                    "train"),
                new ManifestEntry(
                    "b-" + suffix,
                    "s3://x/b-" + suffix + ".mp4",
                    "c".repeat(64),
                    List.of("circle"),
                    "eval")));
    var storedManifest =
        store.put("datasets/" + dataset + "/manifests/" + Sha256.of(manifest) + ".jsonl", manifest);
    byte[] report =
        Json.write(
                Map.of(
                    "videosIn", 3,
                    "videosKept", 2,
                    "videosDroppedWithoutLabels", 1,
                    "labelsUsed", List.of("circle", "red")))
            .getBytes(StandardCharsets.UTF_8);
    var storedReport =
        store.put("datasets/" + dataset + "/reports/" + Sha256.of(report) + ".json", report);
    var version =
        datasets.register(
            new NewDatasetVersion(
                dataset,
                storedManifest.uri(),
                storedManifest.sha256(),
                2,
                2,
                "EveryPageBrowserTest",
                "{}",
                storedReport.uri()),
            "test");

    Map<String, Object> hyper = Map.of("epochs", 2, "batchSize", 4, "learningRate", 0.001);
    TrainingRun finished = runs.create(new NewRun(dataset, 1, vocabulary, hyper, null), "mlops");
    String mlflowRun =
        mlflow
            .startRun(
                new RunSpec(
                    String.valueOf(finished.id),
                    "every-" + suffix,
                    null,
                    null,
                    null,
                    null,
                    Map.of()))
            .runId();
    runs.attachMlflowRun(finished.id, mlflowRun, "test");
    mlflow.logArtifact(mlflowRun, "plots/precision_recall.svg", svg("precision-recall"));
    mlflow.logArtifact(mlflowRun, "plots/f1_vs_threshold.svg", svg("F1 vs threshold"));
    String modelName = models.modelName();
    var checkpoint = store.put("runs/every-" + suffix + "/model.ckpt", bytes("ckpt " + suffix));
    var labels = store.put("runs/every-" + suffix + "/labels.npz", bytes("labels " + suffix));
    ModelVersion model =
        runs.recordModelVersion(
            finished.id,
            new NewModelVersion(
                modelName,
                checkpoint.uri(),
                checkpoint.sha256(),
                labels.uri(),
                labels.sha256(),
                mlflowRun),
            "test");
    var evaluation = store.put("runs/every-" + suffix + "/evaluation.json", bytes("{}"));
    runs.recordEvaluation(
        finished.id,
        new NewEvaluation(version.id, model.id, 0.7, 0.6, 0.4, evaluation.uri()),
        "test");
    runs.updateStatus(finished.id, RunStatus.SUCCEEDED, "done", "test");

    String launcher = "every-launcher-" + suffix;
    TrainingRun training = runs.create(new NewRun(dataset, 1, vocabulary, hyper, null), launcher);
    runs.updateProgress(training.id, "TRAIN", 0.21, "step 10/100, loss 0.5000", 10L, 0.5, "test");

    // A second model version with a benchmark suite (never in production: ml-ops may promote it).
    TrainingRun benchRun =
        runs.create(new NewRun("demo", null, vocabulary, Map.of(), null), "test");
    ModelVersion benchModel =
        runs.recordModelVersion(
            benchRun.id,
            new NewModelVersion(
                modelName, "s3://ovid-artifacts/m/" + suffix, "c".repeat(64), null, null, null),
            "test");
    String column = "Shapes-" + suffix;
    long vocabularyId = vocabularies.find(vocabulary).id;
    var suite = List.of(new BenchmarkSpec(column, version.id, vocabularyId, "eval", "eval"));
    BenchmarkEvaluation bench = benchmarks.create(benchModel.id, suite, "wf-" + suffix, "test");
    benchmarks.record(
        bench.id,
        suite.get(0),
        new BenchmarkScores(0, 2, 1, 0.8125, 0.7, 0.75, 0.4, 0.6, null, null),
        "[[0,1],[0.5,0.9],[1,0.6]]");
    benchmarks.finish(bench.id, 0.4, 0.75, List.of(0.75), List.of(0.6875), "s3://r", "test");

    return new Seed(
        suffix,
        vocabulary,
        published,
        dataset,
        launcher,
        modelName,
        finished.id,
        training.id,
        model.id,
        bench.id,
        benchModel.id,
        benchModel.version,
        column);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] svg(String title) {
    return bytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\">"
            + "<rect width=\"400\" height=\"200\" fill=\"white\"/><text x=\"20\" y=\"40\">"
            + title
            + "</text><circle cx=\"200\" cy=\"100\" r=\"5\" fill=\"red\"/></svg>");
  }
}
