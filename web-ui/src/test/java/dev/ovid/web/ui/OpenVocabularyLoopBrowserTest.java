package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TrainedModels;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The product's centre in the browser: a product owner publishes a vocabulary holding a label the
 * model never trained on, sees the production model's expansion finish, then classifies a video
 * with it on the Classify page and sees the scored labels drawn with the threshold.
 */
@QuarkusTest
class OpenVocabularyLoopBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject ModelRegistry models;
  @Inject DatasetRegistry datasets;
  @Inject DatasetVersionContents contents;
  @Inject ObjectStore store;
  @Inject VocabularyService vocabularies;

  @Test
  void publishExpandAndClassifyWithALabelTheModelNeverSaw() throws Exception {
    var trained = TrainedModels.demo(launcher, runs, seeder.ensureDemoVocabulary());
    models.setAlias(trained.modelVersionId(), ModelAlias.PRODUCTION, "approver", "test");
    String name = "loop-" + UUID.randomUUID().toString().substring(0, 8);
    String unseen = "a purple spiral never seen in training";
    vocabularies.create(name, "open-vocabulary loop", "product");
    List<NewLabel> labels = new ArrayList<>();
    DemoDataset.labels().forEach(l -> labels.add(NewLabel.human(l, "product")));
    labels.add(NewLabel.human(unseen, "product"));
    vocabularies.addLabels(name, labels, "product");
    ManifestEntry clip = contents.entries(datasets.get(trained.datasetVersionId())).get(0);
    Path video = Files.createTempFile("ovid-clip-", ".mp4");
    store.download(S3Location.parse(clip.uri()).key(), video, clip.sha256());

    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        VocabulariesBrowserTest.logInAt(page, base, "vocabularies", "product");
        page.locator("#vocab-search input").fill(name);
        page.locator("#vocab-grid vaadin-grid-cell-content")
            .filter(new Locator.FilterOptions().setHasText(name))
            .first()
            .click();
        assertThat(page.locator("#labels-title")).containsText(name);
        page.locator("#publish-comment input").fill("for the loop test");
        page.locator("#publish-button").click();
        // Publishing expands the vocabulary for the production model, with its progress shown.
        assertThat(page.locator("#expansion-progress-text"))
            .containsText(
                "done",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                    .setTimeout(180_000));

        page.navigate(base + "classify");
        page.locator("#classify-vocabulary input").fill(name);
        page.locator("vaadin-combo-box-item")
            .filter(new Locator.FilterOptions().setHasText(name))
            .first()
            .click();
        page.locator("#classify-upload input[type=file]").setInputFiles(video);
        assertThat(page.locator("#classify-upload vaadin-upload-file").first())
            .hasAttribute("complete", "");
        page.locator("#classify-button").click();
        assertThat(page.locator("#classify-summary"))
            .containsText(
                "vocabulary " + name,
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                    .setTimeout(180_000));
        assertThat(page.locator("#classify-summary")).containsText("labels shown");
        Locator bars = page.locator("#classify-bars");
        assertThat(bars).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", bars.elementHandle());
        // The bars name the label no training run ever saw.
        String svg = (String) bars.evaluate("img => atob(img.src.split(',')[1])");
        org.junit.jupiter.api.Assertions.assertTrue(svg.contains(unseen), "bars show " + unseen);
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("open-vocabulary-loop-browser-test");
        throw e;
      } finally {
        Files.deleteIfExists(video);
      }
    }
  }
}
