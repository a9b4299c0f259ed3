package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
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
import org.junit.jupiter.api.Test;

/** The Benchmarks page in headless Chromium: a leaderboard cell leads to the PR curves. */
@QuarkusTest
class BenchmarksBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Inject RunRegistry runs;
  @Inject DatasetRegistry datasets;
  @Inject VocabularyService vocabularies;
  @Inject BenchmarkRegistry benchmarks;

  @Test
  void leaderboardCellOpensTheEvaluationWithItsCurves() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Vocabulary v = vocabularies.create("bench-ui-" + tag, null, "test");
    vocabularies.addLabel(v.name, "square", "test");
    DatasetVersion d =
        datasets.register(
            new NewDatasetVersion(
                "bench-ui-" + tag,
                "s3://ovid-artifacts/b/" + tag,
                tag.repeat(8),
                2,
                1,
                "t",
                "{}",
                null),
            "test");
    TrainingRun run = runs.create(new NewRun("demo", null, v.name, Map.of(), null), "test");
    ModelVersion m =
        runs.recordModelVersion(
            run.id,
            new NewModelVersion(
                "ui-model-" + tag,
                "s3://ovid-artifacts/m/" + tag,
                "c".repeat(64),
                null,
                null,
                null),
            "test");
    String column = "Shapes-" + tag;
    var suite = List.of(new BenchmarkSpec(column, d.id, v.id, "eval", "eval"));
    BenchmarkEvaluation e = benchmarks.create(m.id, suite, "wf", "test");
    benchmarks.record(
        e.id,
        suite.get(0),
        new BenchmarkScores(0, 2, 1, 0.8125, 0.7, 0.75, 0.4, 0.6, null, null),
        "[[0,1],[0.5,0.9],[1,0.6]]");
    benchmarks.finish(e.id, 0.4, 0.75, List.of(0.75), List.of(0.6875), "s3://r", "test");

    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        page.navigate(base.toString() + "benchmarks");
        page.locator("#login-form input[name='username']").fill("auditor");
        page.locator("#login-form input[name='password']").fill("auditor");
        page.locator("#login-form input[name='password']").press("Enter");
        assertThat(page.locator("#current-user")).hasText("auditor");
        page.navigate(base.toString() + "benchmarks");
        var cell = page.locator("#cell-" + m.id + "-0");
        assertThat(cell).hasText("AUPR 0.813 · F1 0.688");
        cell.click();
        assertThat(page.locator("#benchmark-results")).containsText(column);
        assertThat(page.locator("#pr-curve-0")).isVisible();
      } catch (AssertionError | RuntimeException ex) {
        browser.keepEvidence("benchmarks-" + tag);
        throw ex;
      }
    }
  }
}
