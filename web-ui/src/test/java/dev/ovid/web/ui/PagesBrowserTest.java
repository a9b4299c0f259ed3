package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.NewEvaluation;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.tracking.RunSpec;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page as each role sees it, at 1400 px and at 390 px: what a person sees (plots drawn,
 * lineage links that resolve, filters that filter, the "not allowed" page, the header menu). Data
 * is seeded straight into the registry (no worker needed); a failed check keeps a screenshot and
 * the DOM under target/playwright.
 */
@QuarkusTest
class PagesBrowserTest {
  static final int WIDE = 1400;
  static final int PHONE = 390;

  @TestHTTPResource("/")
  URL base;

  @Inject VocabularyService vocabularies;
  @Inject DatasetRegistry datasets;
  @Inject DatasetSourceService sources;
  @Inject RunRegistry runs;
  @Inject ObjectStore store;
  @Inject MlflowTracker mlflow;
  @Inject AuditLog audit;

  /** Seeded once for the class: a finished, evaluated run and one still training. */
  static Seed seed;

  record Seed(
      String suffix,
      String vocabulary,
      String dataset,
      String launcher,
      String modelName,
      long finishedRun,
      long trainingRun,
      long evaluationId) {}

  @BeforeEach
  void seedOnce() throws Exception {
    if (seed != null) return;
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String vocabulary = "pages-" + suffix;
    vocabularies.create(vocabulary, "PagesBrowserTest", "test");
    vocabularies.addLabels(
        vocabulary,
        List.of(NewLabel.human("red", "test"), NewLabel.human("circle", "test")),
        "test");
    String dataset = "pages-ds-" + suffix;
    var entries =
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
                "eval"));
    byte[] manifest = DatasetManifest.write(entries);
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
            new dev.ovid.registry.dataset.NewDatasetVersion(
                dataset,
                storedManifest.uri(),
                storedManifest.sha256(),
                2,
                2,
                "PagesBrowserTest",
                "{}",
                storedReport.uri()),
            "test");

    String launcher = "pages-launcher-" + suffix;
    Map<String, Object> hyper = Map.of("epochs", 2, "batchSize", 4, "learningRate", 0.001);
    var finished = runs.create(new NewRun(dataset, 1, vocabulary, hyper, null), "mlops");
    String mlflowRun =
        mlflow
            .startRun(
                new RunSpec(
                    String.valueOf(finished.id),
                    "pages-" + suffix,
                    null,
                    null,
                    null,
                    null,
                    Map.of()))
            .runId();
    runs.attachMlflowRun(finished.id, mlflowRun, "test");
    mlflow.logArtifact(
        mlflowRun,
        "plots/precision_recall.svg",
        svg("precision-recall").getBytes(StandardCharsets.UTF_8));
    mlflow.logArtifact(
        mlflowRun,
        "plots/f1_vs_threshold.svg",
        svg("F1 vs threshold").getBytes(StandardCharsets.UTF_8));
    // MLflow numbers versions on its own: an earlier version makes its number differ from Ovid's.
    String modelName = "pages-model-" + suffix;
    String otherRun =
        mlflow
            .startRun(
                new RunSpec(
                    "other-" + suffix, "pages-other-" + suffix, null, null, null, null, Map.of()))
            .runId();
    mlflow.registerModel(modelName, otherRun, "s3://nowhere/other.ckpt");
    byte[] checkpoint = ("checkpoint " + suffix).getBytes(StandardCharsets.UTF_8);
    var storedCheckpoint = store.put("runs/pages-" + suffix + "/model.ckpt", checkpoint);
    byte[] labels = ("labels " + suffix).getBytes(StandardCharsets.UTF_8);
    var storedLabels = store.put("runs/pages-" + suffix + "/labels.npz", labels);
    var model =
        runs.recordModelVersion(
            finished.id,
            new NewModelVersion(
                modelName,
                storedCheckpoint.uri(),
                storedCheckpoint.sha256(),
                storedLabels.uri(),
                storedLabels.sha256(),
                mlflowRun),
            "test");
    mlflow.registerModel(modelName, mlflowRun, storedCheckpoint.uri());
    byte[] evalReport = "{\"aupr\":0.7}".getBytes(StandardCharsets.UTF_8);
    var storedEval = store.put("runs/pages-" + suffix + "/evaluation.json", evalReport);
    var evaluation =
        runs.recordEvaluation(
            finished.id,
            new NewEvaluation(version.id, model.id, 0.7, 0.6, 0.4, storedEval.uri()),
            "test");
    runs.updateStatus(finished.id, RunStatus.SUCCEEDED, "done", "test");

    var training = runs.create(new NewRun(dataset, 1, vocabulary, hyper, null), launcher);
    runs.updateProgress(training.id, "TRAIN", 0.21, "step 10/100, loss 0.5000", 10L, 0.5, "test");
    Thread.sleep(1100);
    runs.updateProgress(training.id, "TRAIN", 0.26, "step 30/100, loss 0.4000", 30L, 0.4, "test");
    seed =
        new Seed(
            suffix,
            vocabulary,
            dataset,
            launcher,
            modelName,
            finished.id,
            training.id,
            evaluation.id);
  }

  private static String svg(String title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\">"
        + "<rect width=\"400\" height=\"200\" fill=\"white\"/><text x=\"20\" y=\"40\">"
        + title
        + "</text><circle cx=\"200\" cy=\"100\" r=\"5\" fill=\"red\"/></svg>";
  }

  // ------------------------------------------------------------------ helpers

  private void as(String user, int width, String evidence, Consumer<Page> steps) {
    try (Browser browser = new Browser(width, 900)) {
      Page page = browser.page;
      try {
        page.navigate(base.toString() + "login");
        page.locator("#login-form input[name='username']").fill(user);
        page.locator("#login-form input[name='password']").fill(user);
        page.locator("#login-form input[name='password']").press("Enter");
        assertThat(page.locator("#home")).isVisible();
        steps.accept(page);
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence(evidence + "-" + user + "-" + width);
        throw e;
      }
    }
  }

  private static int status(String url) {
    try {
      HttpResponse<Void> response =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).GET().build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode();
    } catch (Exception e) {
      throw new AssertionError(url + " does not answer: " + e, e);
    }
  }

  private static long gridSize(Page page, String grid) {
    return ((Number) page.locator(grid).evaluate("g => g.size")).longValue();
  }

  // ------------------------------------------------------------------ run page

  private void runPageShowsPlotsLineageAndHyperparameters(int width) {
    as(
        "auditor",
        width,
        "run-page",
        page -> {
          page.navigate(base.toString() + "runs/" + seed.finishedRun());
          assertThat(page.locator("#run-model-version")).containsText(seed.modelName() + " v2");
          for (String plot : List.of("#plot-pr", "#plot-f1")) {
            assertThat(page.locator(plot)).isVisible();
            Number drawn = (Number) page.locator(plot).evaluate("img => img.naturalWidth");
            assertTrue(drawn.intValue() > 0, plot + " is not drawn");
          }
          assertThat(page.locator("#chosen-threshold")).containsText("Chosen threshold 0.400");
          assertThat(page.locator("#run-hyperparameters")).containsText("batchSize");
          assertThat(page.locator("#run-hyperparameters td[data-key='batchSize']")).hasText("4");

          Locator diagram = page.locator("#lineage-diagram");
          for (String node :
              List.of(
                  "#lineage-dataset",
                  "#lineage-vocabulary",
                  "#lineage-run",
                  "#lineage-model-1",
                  "#lineage-labels-1",
                  "#lineage-evaluation-" + seed.evaluationId())) {
            assertThat(diagram.locator(node)).isVisible();
          }
          assertThat(diagram.locator("#lineage-model-1")).containsText("v2");
          // Today's vocabulary in published versions, not the draft's revision counter.
          assertThat(diagram.locator("#lineage-vocabulary"))
              .containsText(Pattern.compile("latest published v\\d+, draft \\d+ labels"));
          // Every external link answers (MLflow, MinIO console, Temporal UI).
          List<String> hrefs =
              diagram.locator("a[href^='http']").all().stream()
                  .map(a -> a.getAttribute("href"))
                  .toList();
          assertTrue(hrefs.size() >= 5, "too few lineage links: " + hrefs);
          assertTrue(
              hrefs.stream()
                  .anyMatch(h -> h.contains("/#/models/" + seed.modelName() + "/versions/2")),
              hrefs.toString());
          assertTrue(hrefs.stream().anyMatch(h -> h.contains("/browser/")), hrefs.toString());
          for (String href : hrefs) {
            if (href.contains("/namespaces/")) continue; // no workflow for a seeded run
            assertTrue(status(href) < 400, href + " answered " + status(href));
          }
          // The dataset box opens the dataset's page on that version, report as a table.
          diagram.locator("#lineage-dataset a").first().click();
          assertThat(page.locator("#dataset-report-headline")).containsText("Kept 2 of 3 videos");
          assertThat(page.locator("#dataset-report-table"))
              .containsText("videosDroppedWithoutLabels");
        });
  }

  @Test
  void runPageShowsPlotsLineageAndHyperparametersWide() {
    runPageShowsPlotsLineageAndHyperparameters(WIDE);
  }

  @Test
  void runPageShowsPlotsLineageAndHyperparametersOnAPhone() {
    runPageShowsPlotsLineageAndHyperparameters(PHONE);
  }

  @Test
  void aTrainingRunShowsEpochStepThroughputAndTimeLeft() {
    as(
        "mlops",
        WIDE,
        "training-pace",
        page -> {
          page.navigate(base.toString() + "runs/" + seed.trainingRun());
          assertThat(page.locator("#fact-step")).containsText("30 / 100");
          assertThat(page.locator("#fact-epoch")).containsText("1 / 2");
          // The page measures the pace from the progress it sees move while it polls.
          sleepQuietly(1100);
          runs.updateProgress(
              seed.trainingRun(), "TRAIN", 0.3, "step 40/100, loss 0.3000", 40L, 0.3, "test");
          assertThat(page.locator("#fact-step")).containsText("40 / 100");
          assertThat(page.locator("#fact-throughput")).containsText("steps/s");
          assertThat(page.locator("#fact-eta")).containsText("≈");
        });
  }

  // ------------------------------------------------------------------ runs grid

  @Test
  void runsGridFiltersByStatusDatasetAndLauncher() {
    as(
        "mlops",
        WIDE,
        "runs-filters",
        page -> {
          page.navigate(base.toString() + "runs");
          assertThat(page.locator("#runs-grid")).isVisible();
          Locator launcher = page.locator("#filter-launcher input");
          launcher.fill(seed.launcher());
          launcher.press("Enter");
          page.waitForCondition(() -> gridSize(page, "#runs-grid") == 1);
          assertThat(
                  page.locator("#runs-grid vaadin-grid-cell-content")
                      .filter(new Locator.FilterOptions().setHasText("#" + seed.trainingRun())))
              .not()
              .hasCount(0);
          page.locator("#filter-launcher [part='clear-button']").click();
          Locator dataset = page.locator("#filter-dataset input");
          dataset.fill(seed.dataset());
          dataset.press("Enter");
          page.waitForCondition(() -> gridSize(page, "#runs-grid") == 2);
          page.locator("#filter-status").click();
          page.locator("vaadin-select-item")
              .filter(new Locator.FilterOptions().setHasText("SUCCEEDED"))
              .click();
          page.waitForCondition(() -> gridSize(page, "#runs-grid") == 1);
        });
  }

  // ------------------------------------------------------------------ errors, header

  private void productOwnerIsToldAuditIsNotAllowed(int width) {
    as(
        "product",
        width,
        "not-allowed",
        page -> {
          page.navigate(base.toString() + "audit");
          assertThat(page.locator("#not-allowed")).containsText("Not allowed");
          assertThat(page.locator("#not-allowed-reason")).containsText("/audit");
          assertThat(page.locator("#audit-grid")).hasCount(0);
          page.locator("#not-allowed-home").click();
          assertThat(page.locator("#home")).isVisible();
        });
  }

  @Test
  void productOwnerIsToldAuditIsNotAllowedWide() {
    productOwnerIsToldAuditIsNotAllowed(WIDE);
  }

  @Test
  void productOwnerIsToldAuditIsNotAllowedOnAPhone() {
    productOwnerIsToldAuditIsNotAllowed(PHONE);
  }

  @Test
  void onAPhoneTheHeaderFoldsUserAndLogOutIntoAMenu() {
    as(
        "mlops",
        PHONE,
        "phone-header",
        page -> {
          assertThat(page.locator("#logout-button")).isHidden();
          assertThat(page.locator("#account-menu")).isVisible();
          // Nothing in the header runs off the screen.
          Number right =
              (Number)
                  page.locator("#account-menu").evaluate("m => m.getBoundingClientRect().right");
          assertTrue(right.doubleValue() <= PHONE, "account menu ends at " + right);
          page.locator("#account-menu vaadin-menu-bar-button").first().click();
          assertThat(page.getByText("Signed in as mlops")).isVisible();
          page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Log out")).click();
          assertThat(page.locator("#login-form")).isVisible();
        });
  }

  // ------------------------------------------------------------------ audit log

  @Test
  void auditorFiltersTheAuditLogOpensARowAndExportsCsv() {
    long events = audit.history("run", seed.trainingRun()).size();
    as(
        "auditor",
        WIDE,
        "audit",
        page -> {
          page.navigate(base.toString() + "audit");
          Locator entityId = page.locator("#audit-entity-id input");
          entityId.fill(String.valueOf(seed.trainingRun()));
          page.locator("#audit-entity-type input").fill("run");
          page.locator("vaadin-combo-box-item")
              .filter(new Locator.FilterOptions().setHasText("run"))
              .first()
              .click();
          assertThat(page.locator("#audit-count")).hasText(events + " events");
          page.waitForCondition(() -> gridSize(page, "#audit-grid") == events);
          page.locator("#audit-grid vaadin-grid-cell-content")
              .filter(new Locator.FilterOptions().setHasText("run.started"))
              .first()
              .click();
          assertThat(page.locator("#audit-detail-table")).containsText("step 10/100");
          page.locator("#audit-detail-close").click();

          Download download = page.waitForDownload(() -> page.locator("#audit-export").click());
          List<String> lines;
          try {
            lines = Files.readAllLines(download.path());
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
          assertEquals("id,at,actor,action,entity_type,entity_id,detail_json", lines.get(0));
          List<String> rows = lines.subList(1, lines.size());
          assertEquals(events, rows.size(), String.join("\n", lines));
          assertTrue(rows.stream().allMatch(l -> l.contains(",run," + seed.trainingRun() + ",")));
        });
  }

  // ------------------------------------------------------------------ home

  @Test
  void homeShowsEachRoleItsCards() {
    // Home lists the newest drafts (other tests leave many): a draft made now is among them.
    String draft = "pages-draft-" + UUID.randomUUID().toString().substring(0, 8);
    vocabularies.create(draft, "PagesBrowserTest home", "test");
    for (String user : List.of("mlops", "product", "auditor")) {
      for (int width : List.of(WIDE, PHONE)) {
        as(
            user,
            width,
            "home",
            page -> {
              assertThat(page.locator("#home-model a").first()).isVisible();
              assertThat(page.locator("#home-in-progress")).containsText("#" + seed.trainingRun());
              assertThat(page.locator("#home-vocabularies")).containsText(draft);
              assertThat(page.locator("#home-audit")).hasCount(user.equals("product") ? 0 : 1);
              if (!user.equals("product")) {
                // Times show in the viewer's zone: the browser says Europe/Berlin (CET in winter).
                assertThat(page.locator("#home-audit")).containsText("CET");
              }
              page.locator("#home-in-progress a")
                  .filter(new Locator.FilterOptions().setHasText("#" + seed.trainingRun()))
                  .click();
              assertThat(page.locator("#run-status")).isVisible();
            });
      }
    }
  }

  // ------------------------------------------------------------------ datasets

  @Test
  void mlOpsRegistersAYouTube8mSourceWithItsVocabularyAndRules() {
    String name = "pages-yt8m-" + seed.suffix();
    as(
        "mlops",
        WIDE,
        "yt8m-source",
        page -> {
          page.navigate(base.toString() + "datasets");
          assertThat(page.locator("#source-vocabulary-location")).isHidden();
          page.locator("#source-kind").click();
          page.locator("vaadin-select-item")
              .filter(new Locator.FilterOptions().setHasText("YouTube-8M TFRecord"))
              .click();
          assertThat(page.locator("#source-vocabulary-location")).isVisible();
          page.locator("#source-name input").fill(name);
          page.locator("#source-location input").fill("/data/yt8m/train00.tfrecord");
          page.locator("#source-video-root input").fill("/data/yt8m/videos");
          page.locator("#source-vocabulary-location input").fill("/data/yt8m/vocabulary.csv");
          page.locator("#source-min-train-videos input").fill("205");
          page.locator("#source-register-button").click();
          assertThat(
                  page.locator("#source-grid vaadin-grid-cell-content")
                      .filter(new Locator.FilterOptions().setHasText(name))
                      .first())
              .isVisible();
        });
    var source = sources.get(name);
    assertEquals("/data/yt8m/vocabulary.csv", source.vocabularyLocation);
    assertTrue(source.curationRulesJson.contains("\"Games\""), source.curationRulesJson);
    assertTrue(source.curationRulesJson.contains("205"), source.curationRulesJson);
    assertFalse(source.curationRulesJson.contains("top"), source.curationRulesJson);
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
