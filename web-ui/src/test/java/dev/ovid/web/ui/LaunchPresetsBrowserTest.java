package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The launch form starts on the paper's model; a preset fills in the model fields. */
@QuarkusTest
class LaunchPresetsBrowserTest {
  private static final LocatorAssertions.HasValueOptions SLOW =
      new LocatorAssertions.HasValueOptions().setTimeout(60_000);

  @TestHTTPResource("/")
  URL base;

  @Test
  void presetsFillTheModelFields() {
    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        page.navigate(base.toString() + "benchmarks");
        page.locator("#login-form input[name='username']").fill("mlops");
        page.locator("#login-form input[name='password']").fill("mlops");
        page.locator("#login-form input[name='password']").press("Enter");
        assertThat(page.locator("#current-user")).hasText("mlops");
        page.navigate(base.toString() + "runs");
        assertThat(page.locator("#launch-label-encoder input"))
            .hasValue("learnable-llm-prompts", SLOW);
        assertThat(page.locator("#launch-temporal-layers input")).hasValue("4");
        assertThat(page.locator("#launch-backbone input")).hasValue("shapes-pretrained");
        assertThat(page.locator("#launch-precision input")).hasValue("auto");
        page.locator("#launch-precision input").fill("fp16");
        page.locator("vaadin-combo-box-item")
            .filter(new Locator.FilterOptions().setHasText("fp16"))
            .first()
            .click();
        assertThat(page.locator("#launch-precision input")).hasValue("fp16");

        page.locator("#launch-preset input").fill("frame-mean");
        page.locator("vaadin-combo-box-item")
            .filter(new Locator.FilterOptions().setHasText("frame-mean"))
            .first()
            .click();
        assertThat(page.locator("#launch-label-encoder input")).hasValue("class-name");
        assertThat(page.locator("#launch-temporal-layers input")).hasValue("0");
        assertThat(page.locator("#launch-precision input"))
            .hasValue("fp16"); // a preset chooses the model, not the precision
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("launch-presets");
        throw e;
      }
    }
  }
}
