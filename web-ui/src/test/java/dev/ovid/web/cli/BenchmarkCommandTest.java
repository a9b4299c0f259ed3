package dev.ovid.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.benchmark.BenchmarkScores;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ovid benchmark run|show [--json]} against the application's REST API. */
@QuarkusTest
class BenchmarkCommandTest {

  @TestHTTPResource("/")
  URL base;

  @Inject RunRegistry runs;
  @Inject DatasetRegistry datasets;
  @Inject VocabularyService vocabularies;
  @Inject BenchmarkRegistry benchmarks;

  private long modelVersionId;
  private String modelName;
  private long datasetVersionId;
  private long vocabularyId;

  @BeforeEach
  void modelDatasetVocabulary() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Vocabulary v = vocabularies.create("bench-cli-" + tag, null, "test");
    vocabularies.addLabel(v.name, "circle", "test");
    vocabularyId = v.id;
    DatasetVersion d =
        datasets.register(
            new NewDatasetVersion(
                "bench-cli-" + tag,
                "s3://ovid-artifacts/bench-cli/" + tag + ".jsonl",
                tag.repeat(8),
                2,
                1,
                "test",
                "{}",
                null),
            "test");
    datasetVersionId = d.id;
    TrainingRun run = runs.create(new NewRun("demo", null, v.name, Map.of(), null), "test");
    modelName = "bench-cli-" + tag;
    ModelVersion m =
        runs.recordModelVersion(
            run.id,
            new NewModelVersion(
                modelName, "s3://ovid-artifacts/m/" + tag, "c".repeat(64), null, null, null),
            "test");
    modelVersionId = m.id;
  }

  private CliRun run(String... args) {
    return CliRun.of(base, args);
  }

  @Test
  void runStartsASuiteThatShowFindsAgain() throws Exception {
    CliRun started =
        run(
            "benchmark",
            "run",
            "--model-version",
            Long.toString(modelVersionId),
            "--benchmark",
            "Kinetics-like=" + datasetVersionId + ":" + vocabularyId + ":eval:train",
            "--json");
    assertEquals(0, started.exit(), started.out() + started.err());
    JsonNode created = started.lastLineJson();
    long id = created.path("id").asLong();
    assertTrue(id > 0, started.out());
    assertEquals(modelVersionId, created.path("modelVersionId").asLong());
    assertEquals(modelName + " v1", created.path("model").asText());

    CliRun shown = run("benchmark", "show", Long.toString(id), "--json");
    assertEquals(0, shown.exit(), shown.out() + shown.err());
    assertEquals(id, shown.lastLineJson().path("id").asLong());

    CliRun text = run("benchmark", "show", Long.toString(id));
    assertEquals(0, text.exit(), text.err());
    assertTrue(
        text.out().startsWith("benchmark evaluation " + id + ": " + modelName + " v1, "),
        text.out());
  }

  @Test
  void showWithoutAnIdPrintsTheLeaderboard() throws Exception {
    var suite =
        List.of(
            new BenchmarkSpec("CLI-A", datasetVersionId, vocabularyId, "eval", "eval"),
            new BenchmarkSpec("CLI-B", datasetVersionId, vocabularyId, "eval", "eval"));
    BenchmarkEvaluation e = benchmarks.create(modelVersionId, suite, "wf-cli-test", "test");
    for (int i = 0; i < 2; i++) {
      benchmarks.record(
          e.id,
          suite.get(i),
          new BenchmarkScores(i, 2, 1, 0.5 + i / 10.0, 0.4, 0.6, 0.3, 0.7, null, null),
          "[[0,1],[1,0.5]]");
    }
    benchmarks.finish(e.id, 0.42, 0.55, List.of(0.55, 0.6), List.of(0.5, 0.61), "s3://r", "test");

    CliRun table = run("benchmark", "show");
    assertEquals(0, table.exit(), table.err());
    String row = table.out().lines().filter(l -> l.startsWith(modelName)).findFirst().orElseThrow();
    assertTrue(row.contains("0.500 / 0.500"), row);
    assertTrue(row.contains("0.600 / 0.610"), row);

    CliRun json = run("benchmark", "show", "--json");
    assertEquals(0, json.exit(), json.err());
    JsonNode board = json.lastLineJson();
    assertTrue(board.path("benchmarks").toString().contains("CLI-B"), board.toString());

    CliRun detail = run("benchmark", "show", Long.toString(e.id));
    assertTrue(detail.out().contains("calibrated threshold 0.4200"), detail.out());
    assertTrue(detail.out().contains("F1@calibrated 0.6100"), detail.out());
  }

  @Test
  void badArgumentsAndUnknownIdsAreErrorsThatSaySo() {
    CliRun malformed =
        run("benchmark", "run", "--model-version", "1", "--benchmark", "no-ids-here");
    assertEquals(1, malformed.exit());
    assertTrue(
        malformed.err().contains("expected NAME=DATASET_VERSION_ID:VOCABULARY_ID"),
        malformed.err());
    CliRun missing = run("benchmark", "show", Long.toString(Long.MAX_VALUE));
    assertEquals(1, missing.exit(), missing.out());
    assertTrue(
        missing.err().contains("404") || missing.err().toLowerCase().contains("not"),
        missing.err());
  }
}
