package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TestWorker;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An ml-ops user cancels a training run on its page, then retries it from its checkpoint. */
@QuarkusTest
class RunOperationsBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;

  @Test
  void cancelOnTheRunPageThenRetryFromCheckpoint() throws Exception {
    TestWorker.ensureRunning();
    long vocabulary = seeder.ensureDemoVocabulary().id;
    TrainingRun run =
        launcher.launch(
            new LaunchRequest(
                "demo",
                vocabulary,
                new Hyperparameters(40, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 9L),
                null),
            "ui-test");
    while (runs.latestCheckpoint(run.id).isEmpty()) {
      assertFalse(runs.get(run.id).status.isFinal(), runs.get(run.id).message);
      Thread.sleep(500);
    }
    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        page.navigate(base.toString() + "runs/" + run.id);
        page.locator("#login-form input[name='username']").fill("mlops");
        page.locator("#login-form input[name='password']").fill("mlops");
        page.locator("#login-form input[name='password']").press("Enter");
        // The first page load of a dev-mode app on a busy machine can take a while.
        var slow = new LocatorAssertions.HasTextOptions().setTimeout(120_000);
        assertThat(page.locator("#run-status")).hasText("RUNNING", slow);
        assertThat(page.locator("#run-operations"))
            .containsText(
                "Train: started, attempt 1",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

        page.locator("#cancel-run").click();
        page.locator("#confirm-cancel-run").click();
        assertThat(page.locator("#run-status"))
            .hasText("CANCELLED", new LocatorAssertions.HasTextOptions().setTimeout(180_000));
        assertEquals(RunStatus.CANCELLED, runs.get(run.id).status);

        page.locator("#retry-run").click();
        page.waitForURL(Pattern.compile(".*/runs/(?!" + run.id + "$)\\d+$"));
        long retryId = Long.parseLong(page.url().replaceAll(".*/runs/", ""));
        assertEquals(run.id, runs.get(retryId).resumeFromRunId);
        assertThat(page.locator("#run-status")).hasText(Pattern.compile("QUEUED|RUNNING"), slow);
        page.locator("#cancel-run").click();
        page.locator("#confirm-cancel-run").click();
        assertThat(page.locator("#run-status"))
            .hasText("CANCELLED", new LocatorAssertions.HasTextOptions().setTimeout(180_000));
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("run-operations-browser-test");
        throw e;
      }
    }
  }
}
