package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TrainedModels;
import dev.ovid.web.videoindex.VideoIndexService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A product owner previews a draft label in the browser: on an indexed dataset it shows the
 * best-matching videos with their thumbnails and scores, the score histogram and the passing count.
 */
@QuarkusTest
class LabelPreviewBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject DatasetRegistry datasets;
  @Inject VideoIndexService indexes;
  @Inject VocabularyService vocabularies;
  @Inject dev.ovid.registry.model.ModelRegistry models;

  @Test
  void productOwnerPreviewsADraftLabelOnAnIndexedDataset() throws Exception {
    var trained = TrainedModels.demo(launcher, runs, seeder.ensureDemoVocabulary());
    DatasetVersion dataset = datasets.get(trained.datasetVersionId());
    var started =
        indexes.build(
            String.valueOf(trained.version()), dataset.datasetName, dataset.version, null, "mlops");
    long deadline = System.nanoTime() + 8L * 60 * 1_000_000_000L;
    String state = indexes.progress(started.workflowId()).state();
    while (!state.equals("done") && !state.equals("failed") && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      state = indexes.progress(started.workflowId()).state();
    }
    assertEquals("done", state);
    String name = "preview-" + UUID.randomUUID().toString().substring(0, 8);
    vocabularies.create(name, "label preview", "product");

    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        VocabulariesBrowserTest.logInAt(page, base, "vocabularies", "product");
        // Other tests' vocabularies fill the grid: search, so the new one is in view.
        page.locator("#vocab-search input").fill(name);
        page.locator("#vocab-grid vaadin-grid-cell-content")
            .filter(new Locator.FilterOptions().setHasText(name))
            .first()
            .click();
        assertThat(page.locator("#labels-title")).containsText(name);
        page.locator("#label-preview vaadin-details-summary").click();
        page.locator("#preview-index input").click();
        page.locator("vaadin-combo-box-item")
            .filter(
                new Locator.FilterOptions()
                    .setHasText(
                        dataset.datasetName
                            + "@"
                            + dataset.version
                            + " × "
                            + models.modelName()
                            + "@"
                            + trained.version()
                            + " ("))
            .first()
            .click();
        page.locator("#preview-label input").fill("a green triangle moving up");
        page.locator("#preview-button").click();
        assertThat(page.locator("#preview-summary"))
            .containsText("videos would get 'a green triangle moving up'");
        assertThat(page.locator("#preview-histogram")).isVisible();
        assertThat(page.locator(".preview-video")).hasCount(12);
        Locator first = page.locator(".preview-video img").first();
        assertThat(first).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", first.elementHandle());
        Object width = first.evaluate("img => img.naturalWidth");
        assertEquals(160, ((Number) width).intValue(), "the thumbnail frame is shown");
        assertTrue(
            page.locator("#preview-summary").innerText().contains("of " + dataset.videoCount));
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("label-preview-browser-test");
        throw e;
      }
    }
  }
}
