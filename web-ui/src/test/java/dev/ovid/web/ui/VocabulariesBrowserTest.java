package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A product owner manages a vocabulary in the UI; each change is stored and audited. */
@QuarkusTest
class VocabulariesBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Inject VocabularyService vocabularies;
  @Inject AuditLog audit;

  /** Opens {@code path}, is sent to the login view, logs in and comes back to {@code path}. */
  static void logInAt(Page page, URL base, String path, String user) {
    page.navigate(base.toString() + path);
    page.locator("#login-form input[name='username']").fill(user);
    page.locator("#login-form input[name='password']").fill(user);
    page.locator("#login-form input[name='password']").press("Enter");
    assertThat(page.locator("#current-user")).hasText(user);
    assertThat(page).hasURL(Pattern.compile(".*/" + path + "$"));
  }

  private static Locator cell(Page page, String grid, String text) {
    return page.locator(grid + " vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(text))
        .first();
  }

  @Test
  void productOwnerCreatesAVocabularyAndAddsAndRemovesLabels() {
    String name = "ui-vocab-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        logInAt(page, base, "vocabularies", "product");
        page.locator("#vocab-name input").fill(name);
        page.locator("#vocab-create-button").click();
        assertThat(page.locator("#labels-title")).containsText(name);
        assertThat(cell(page, "#vocab-grid", name)).isVisible();

        page.locator("#label-name input").fill("skateboarding");
        page.locator("#label-add-button").click();
        assertThat(cell(page, "#labels-grid", "skateboarding")).isVisible();
        page.locator("#label-name input").fill("surfing");
        page.locator("#label-name input").press("Enter");
        assertThat(cell(page, "#labels-grid", "surfing")).isVisible();

        page.locator("[aria-label='remove skateboarding']").click();
        page.locator("#confirm-remove-label-yes").click();
        // The toast of the earlier change may still be fading out: find this one by its text.
        assertThat(
                page.locator("vaadin-notification-card")
                    .filter(
                        new Locator.FilterOptions()
                            .setHasText("Removed 'skateboarding' from " + name)))
            .isVisible();
        assertThat(cell(page, "#labels-grid", "skateboarding")).not().isVisible();
        assertThat(cell(page, "#labels-grid", "surfing")).isVisible();
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("vocabularies-browser-test");
        throw e;
      }
    }
    var vocabulary = vocabularies.find(name);
    assertEquals(List.of("surfing"), vocabularies.labels(name).stream().map(l -> l.name).toList());
    assertEquals(
        List.of(
            "vocabulary.created",
            "vocabulary.labels-added",
            "vocabulary.labels-added",
            "vocabulary.label-removed"),
        audit.history("vocabulary", vocabulary.id).stream().map(e -> e.action).toList());
  }

  @Test
  void mlOpsSeesVocabulariesButCannotChangeThemAndLogsOut() {
    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        logInAt(page, base, "vocabularies", "mlops");
        assertThat(page.locator("#vocab-grid")).isVisible();
        assertThat(page.locator("#vocab-create-button")).hasCount(0);
        assertThat(page.locator("#label-add-button")).hasCount(0);

        // Logging out drops the login cookie: the next page asks for a login again.
        page.locator("#logout-button").click();
        assertThat(page.locator("#login-form")).isVisible();
        page.navigate(base.toString() + "vocabularies");
        assertThat(page.locator("#login-form")).isVisible();
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("vocabularies-readonly-browser-test");
        throw e;
      }
    }
  }

  @Test
  void productOwnersAreKeptOutOfTheAuditLogView() {
    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        logInAt(page, base, "runs", "product");
        assertThat(page.locator("#side-nav")).not().containsText("Audit log");
        page.navigate(base.toString() + "audit");
        assertThat(page.locator("#audit-grid")).hasCount(0);
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("audit-denied-browser-test");
        throw e;
      }
    }
  }
}
