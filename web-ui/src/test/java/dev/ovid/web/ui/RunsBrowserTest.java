package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TestWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole UI path in headless Chromium: log in as ml-ops, launch a run from the Runs view, see it
 * in the grid with a live status, and wait until the pipeline reports SUCCEEDED.
 */
@QuarkusTest
class RunsBrowserTest {
  /** The demo pipeline takes about a minute on 2 cores; allow for a slow machine. */
  private static final double PIPELINE_TIMEOUT_MS = 5 * 60_000;

  @TestHTTPResource("/")
  URL base;

  @Inject VocabularyService vocabularies;
  @Inject RunLauncher launcher;

  @Test
  void mlOpsLaunchesARunFromTheUiAndSeesItSucceed() {
    TestWorker.ensureRunning();
    String vocabulary = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
    vocabularies.create(vocabulary, "made by RunsBrowserTest", "test");
    vocabularies.addLabels(
        vocabulary,
        DemoDataset.labels().stream().map(l -> NewLabel.human(l, "test")).toList(),
        "test");

    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        page.navigate(base.toString() + "runs");
        // Not logged in: the access control sends us to the login view.
        assertThat(page.locator("#login-form")).isVisible();
        page.locator("#login-form input[name='username']").fill("mlops");
        page.locator("#login-form input[name='password']").fill("mlops");
        page.locator("#login-form input[name='password']").press("Enter");

        assertThat(page.locator("#current-user")).hasText("mlops");
        for (String service : new String[] {"database", "temporal", "mlflow", "minio"}) {
          assertThat(page.locator("#service-" + service)).hasAttribute("data-status", "up");
        }
        if (launcher.embeddedTemporal()) {
          assertThat(page.locator("#embedded-temporal-banner"))
              .containsText("embedded Temporal: workflows are not durable");
        }

        choose(page, "#launch-dataset", DemoDataset.NAME);
        choose(page, "#launch-vocabulary", vocabulary);
        // Never published: the form says the run will publish it, not a draft revision.
        assertThat(page.locator("#launch-vocabulary input"))
            .hasValue(Pattern.compile("not published yet"));

        // Bad input: a clear error on the field and in a notification, and no run is created.
        page.locator("#launch-epochs input").fill("0");
        page.locator("#launch-button").click();
        assertThat(notification(page, "Cannot launch"))
            .containsText("epochs must be between 1 and 1000");
        assertThat(page.locator("#launch-epochs")).hasAttribute("invalid", "");
        assertEquals(0, runsOf(vocabulary));

        page.locator("#launch-epochs input").fill("1");
        page.locator("#launch-button").click();

        Locator launched = notification(page, "launched");
        assertThat(launched).isVisible();
        Matcher id = Pattern.compile("Run (\\d+) launched").matcher(launched.first().innerText());
        assertTrue(id.find(), "notification names the run");

        // The new run is in the grid with its vocabulary and a live status.
        Locator cells = page.locator("#runs-grid vaadin-grid-cell-content");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(vocabulary)).first())
            .isVisible();

        page.navigate(base.toString() + "runs/" + id.group(1));
        Locator status = page.locator("#run-status");
        assertThat(status).hasText(Pattern.compile("QUEUED|RUNNING|SUCCEEDED"));
        // A final status ends the wait early; FAILED then fails with the run's own message.
        assertThat(status)
            .hasText(
                Pattern.compile("SUCCEEDED|FAILED"),
                new LocatorAssertions.HasTextOptions().setTimeout(PIPELINE_TIMEOUT_MS));
        if (!"SUCCEEDED".equals(status.innerText().trim())) {
          fail("run " + id.group(1) + " " + status.innerText() + ": " + message(page));
        }
        assertThat(page.locator("#loss-curve")).isVisible();
        assertThat(page.locator("#run-lineage")).containsText(vocabulary);
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("runs-browser-test");
        throw e;
      }
    }
  }

  private static String message(Page page) {
    Locator message = page.locator("#run-message");
    return message.count() == 0 ? "(no message)" : message.innerText();
  }

  private static Locator notification(Page page, String text) {
    return page.locator("vaadin-notification-card")
        .filter(new Locator.FilterOptions().setHasText(text))
        .first();
  }

  private static long runsOf(String vocabulary) {
    return QuarkusTransaction.requiringNew()
        .call(() -> TrainingRun.count("vocabulary.name", vocabulary));
  }

  /** Picks {@code value} in a Vaadin combo box by typing it and clicking the matching item. */
  private static void choose(Page page, String comboBox, String value) {
    page.locator(comboBox + " input").fill(value);
    page.locator("vaadin-combo-box-item")
        .filter(new Locator.FilterOptions().setHasText(value))
        .first()
        .click();
    // Playwright hands the pattern to the browser's JavaScript regex engine: no \\Q...\\E quoting.
    assertThat(page.locator(comboBox + " input"))
        .hasValue(Pattern.compile("^" + value.replaceAll("[^A-Za-z0-9_-]", ".")));
  }
}
