package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.vocabularies.VocabulariesView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route of the UI, opened by every role at 1400 px and at 390 px, checked for what a person
 * sees there: plots drawn, lineage links that open their page, searches and filters that narrow
 * their grid, edit controls only for the role that may edit, the "not allowed" page elsewhere, and
 * on a phone the header's account menu and navigation drawer. One browser and one app serve the
 * whole class; each failed route keeps a screenshot and the DOM under target/playwright and the
 * test goes on to the next route, so one run names every broken page.
 */
@QuarkusTest
class EveryPageBrowserTest {
  static final int WIDE = 1400;
  static final int PHONE = 390;

  @TestHTTPResource("/")
  URL base;

  @Inject PageSeeds seeds;
  @Inject ModelRegistry models;
  @Inject VocabularyService vocabularies;
  @Inject AuditLog audit;

  static SharedChromium chromium;
  static PageSeeds.Seed seed;

  @BeforeAll
  static void startBrowser() {
    chromium = new SharedChromium();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  @BeforeEach
  void seedOnce() throws Exception {
    if (seed == null) seed = seeds.seed();
  }

  /** Who may open each route ("*": everyone logged in), as RoleMatrixTest's table of pages. */
  private Map<String, Set<String>> routes() {
    Map<String, Set<String>> routes = new LinkedHashMap<>();
    routes.put("", Set.of("*"));
    routes.put("runs", Set.of("*"));
    routes.put("runs/" + seed.finishedRun(), Set.of("*"));
    routes.put("vocabularies", Set.of("*"));
    routes.put("datasets", Set.of("*"));
    routes.put("benchmarks", Set.of("*"));
    routes.put("benchmarks/" + seed.benchmarkId(), Set.of("*"));
    routes.put("models", Set.of("*"));
    routes.put("schedules", Set.of("*"));
    routes.put("classify", Set.of(Roles.PRODUCT_OWNER, Roles.ML_OPS));
    routes.put("audit", Set.of(Roles.AUDITOR, Roles.ML_OPS));
    routes.put("users", Set.of(Roles.ADMIN));
    return routes;
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @CsvSource({
    "mlops,1400",
    "mlops,390",
    "product,1400",
    "product,390",
    "approver,1400",
    "approver,390",
    "auditor,1400",
    "auditor,390",
    "admin,1400",
    "admin,390"
  })
  void everyRouteShowsThisRoleWhatItMaySee(String user, int width) {
    String role = role(user);
    Page page = chromium.open(width);
    List<String> problems = new ArrayList<>();
    try {
      logIn(page, user);
      for (var route : routes().entrySet()) {
        String path = route.getKey();
        boolean allowed = route.getValue().contains("*") || route.getValue().contains(role);
        try {
          page.navigate(base.toString() + path);
          if (allowed) checks(path).accept(page, role);
          else notAllowed(page, path);
          header(page, user, role, width);
        } catch (AssertionError | RuntimeException e) {
          String name = user + "-" + width + "-" + (path.isEmpty() ? "home" : path);
          SharedChromium.keepEvidence(page, name);
          problems.add("/" + path + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    } finally {
      page.context().close();
    }
    assertTrue(
        problems.isEmpty(),
        user
            + " at "
            + width
            + " px (evidence in target/playwright):\n"
            + String.join("\n", problems));
  }

  /** One person's window at {@code width}; a failure keeps its evidence under {@code name}. */
  private void as(String user, int width, String name, java.util.function.Consumer<Page> steps) {
    Page page = chromium.open(width);
    try {
      logIn(page, user);
      steps.accept(page);
    } catch (AssertionError | RuntimeException e) {
      SharedChromium.keepEvidence(page, name + "-" + user + "-" + width);
      throw e;
    } finally {
      page.context().close();
    }
  }

  @Test
  void homeShowsTheProductionModelWithItsMetricsAndLinksOnward() {
    Optional<Long> before =
        QuarkusTransaction.requiringNew()
            .call(() -> models.aliased(models.modelName(), ModelAlias.PRODUCTION).map(m -> m.id));
    models.setAlias(
        seed.evaluatedModelVersionId(), ModelAlias.PRODUCTION, "test", "EveryPageBrowserTest");
    try {
      as(
          "approver",
          WIDE,
          "home-production",
          page -> {
            Locator production = page.locator("#home-production");
            assertThat(production).containsText("from run #" + seed.finishedRun());
            assertThat(page.locator("#home-production-metrics"))
                .hasText("AUPR 0.7000 · peak F1 0.6000 at threshold 0.400");
            production.locator("a").first().click();
            assertThat(page.locator("#run-status")).isVisible();
            page.navigate(base.toString());
            page.locator("#home-models-link").click();
            assertThat(cell(page, "#models-grid", "production")).isVisible();
          });
    } finally {
      // Give the alias back as it was: other tests of this JVM rely on their own production model.
      if (before.isPresent()) {
        models.setAlias(before.get(), ModelAlias.PRODUCTION, "test", "EveryPageBrowserTest done");
      } else {
        QuarkusTransaction.requiringNew()
            .run(
                () ->
                    ModelAlias.delete(
                        "modelName = ?1 and alias = ?2",
                        models.modelName(),
                        ModelAlias.PRODUCTION));
      }
    }
  }

  /**
   * Removing a label asks first and says what it did; the grid stays on the change (names in view,
   * not a blank scrolled-off box); toasts replace each other instead of piling up.
   */
  @ParameterizedTest(name = "at {0} px")
  @ValueSource(ints = {WIDE, PHONE})
  void productOwnerRemovesLabelsAfterConfirmingAndTheGridStaysOnThem(int width) {
    String name = "every-edit-" + UUID.randomUUID().toString().substring(0, 8);
    vocabularies.create(name, "EveryPageBrowserTest removal", "test");
    List<NewLabel> labels = new ArrayList<>();
    for (int i = 0; i < 30; i++) labels.add(NewLabel.human(String.format("lbl-%02d", i), "test"));
    vocabularies.addLabels(name, labels, "test");
    as(
        "product",
        width,
        "vocabulary-removal",
        page -> {
          // Opened by name, as the home page's draft links do.
          page.navigate(
              base.toString() + "vocabularies?" + VocabulariesView.NAME_PARAMETER + "=" + name);
          assertThat(page.locator("#labels-title")).containsText(name + " (never published)");
          assertThat(page.locator("#labels-count")).hasText("30 labels");
          Locator grid = page.locator("#labels-grid");
          grid.evaluate("g => g.scrollToIndex(29)");
          page.locator("[aria-label='remove lbl-29']").click();
          assertThat(page.locator("#confirm-remove-label-text"))
              .containsText("'lbl-29' leaves the draft of " + name);
          page.locator("#confirm-remove-label-keep").click();
          assertThat(page.locator("#labels-count")).hasText("30 labels");

          page.locator("[aria-label='remove lbl-29']").click();
          page.locator("#confirm-remove-label-yes").click();
          assertThat(toast(page, "Removed 'lbl-29' from " + name)).isVisible();
          assertThat(page.locator("#labels-count")).hasText("29 labels");
          page.waitForCondition(() -> inView(cell(page, "#labels-grid", "lbl-28"), grid));

          page.locator("[aria-label='remove lbl-27']").click();
          page.locator("#confirm-remove-label-yes").click();
          assertThat(page.locator("#labels-count")).hasText("28 labels");
          // The second toast replaced the first (which may fade out for a moment).
          assertThat(toast(page, "Removed 'lbl-27'")).isVisible();
          assertThat(page.locator("vaadin-notification-card")).hasCount(1);
          page.waitForCondition(() -> inView(cell(page, "#labels-grid", "lbl-28"), grid));

          // Search narrows the grid and the count says so.
          page.locator("#label-search input").fill("lbl-1");
          assertThat(page.locator("#labels-count")).hasText("10 of 28 labels match");
          page.waitForCondition(() -> gridSize(page, "#labels-grid") == 10);
          assertThat(page.locator("#vocab-grid")).isVisible();
        });
    assertEquals(
        28, vocabularies.labels(name).size(), "only the two confirmed removals took effect");
    long id = vocabularies.find(name).id;
    assertEquals(
        2,
        audit.history("vocabulary", id).stream()
            .filter(e -> e.action.equals("vocabulary.label-removed"))
            .count());
  }

  private static Locator toast(Page page, String text) {
    return page.locator("vaadin-notification-card")
        .filter(new Locator.FilterOptions().setHasText(text));
  }

  /** Whether {@code cell} lies inside {@code grid}'s visible box (scrolled into view). */
  private static boolean inView(Locator cell, Locator grid) {
    if (cell.count() == 0) return false;
    var c = cell.boundingBox();
    var g = grid.boundingBox();
    return c != null
        && g != null
        && c.height > 0
        && c.y >= g.y - 1
        && c.y + c.height <= g.y + g.height + 1;
  }

  private static String role(String user) {
    return switch (user) {
      case "mlops" -> Roles.ML_OPS;
      case "product" -> Roles.PRODUCT_OWNER;
      default -> user;
    };
  }

  private void logIn(Page page, String user) {
    page.navigate(base.toString() + "login");
    page.locator("#login-form input[name='username']").fill(user);
    page.locator("#login-form input[name='password']").fill(user);
    page.locator("#login-form input[name='password']").press("Enter");
    assertThat(page.locator("#home")).isVisible();
  }

  // ------------------------------------------------------------------ what each page shows

  private BiConsumer<Page, String> checks(String path) {
    if (path.isEmpty()) return this::home;
    if (path.equals("runs")) return this::runs;
    if (path.startsWith("runs/")) return this::runPage;
    if (path.equals("benchmarks")) return this::benchmarks;
    if (path.startsWith("benchmarks/")) return this::benchmarkPage;
    return switch (path) {
      case "vocabularies" -> this::vocabularies;
      case "datasets" -> this::datasets;
      case "models" -> this::models;
      case "schedules" -> this::schedules;
      case "classify" -> this::classify;
      case "audit" -> this::audit;
      case "users" -> this::users;
      default -> throw new IllegalArgumentException(path);
    };
  }

  private void home(Page page, String role) {
    assertThat(page.locator("#home")).isVisible();
    Optional<ModelVersion> production =
        QuarkusTransaction.requiringNew()
            .call(() -> models.aliased(models.modelName(), ModelAlias.PRODUCTION));
    if (production.isPresent()) {
      assertThat(page.locator("#home-production"))
          .containsText(production.get().modelName + " v" + production.get().version);
    } else {
      assertThat(page.locator("#home-no-production")).isVisible();
    }
    boolean readsAudit = role.equals(Roles.AUDITOR) || role.equals(Roles.ML_OPS);
    assertThat(page.locator("#home-audit")).hasCount(readsAudit ? 1 : 0);
    assertThat(page.locator("#home-in-progress")).containsText("#" + seed.trainingRun());
    // The draft links onward to its vocabulary, opened.
    Locator draft =
        page.locator("#home-vocabularies .home-draft")
            .filter(new Locator.FilterOptions().setHasText(seed.publishedVocabulary()));
    assertThat(draft).containsText("changed since v1");
    draft.locator("a").click();
    assertThat(page.locator("#labels-title"))
        .containsText("Draft of " + seed.publishedVocabulary() + " (changed since v1)");
  }

  private void runs(Page page, String role) {
    assertThat(page.locator("#runs-grid")).isVisible();
    assertThat(page.locator("#launch-section")).hasCount(role.equals(Roles.ML_OPS) ? 1 : 0);
    Locator dataset = page.locator("#filter-dataset input");
    dataset.fill(seed.dataset());
    dataset.press("Enter");
    page.waitForCondition(() -> gridSize(page, "#runs-grid") == 2);
    Locator launcher = page.locator("#filter-launcher input");
    launcher.fill(seed.launcher());
    launcher.press("Enter");
    page.waitForCondition(() -> gridSize(page, "#runs-grid") == 1);
    assertThat(cell(page, "#runs-grid", "#" + seed.trainingRun())).isVisible();
  }

  private void runPage(Page page, String role) {
    for (String plot : List.of("#plot-pr", "#plot-f1")) {
      assertThat(page.locator(plot)).isVisible();
      page.waitForCondition(
          () -> ((Number) page.locator(plot).evaluate("img => img.naturalWidth")).intValue() > 0);
    }
    assertThat(page.locator("#chosen-threshold")).containsText("0.400");
    assertThat(page.locator("#run-hyperparameters td[data-key='batchSize']")).hasText("4");
    Locator diagram = page.locator("#lineage-diagram");
    assertThat(diagram.locator("[id^='lineage-model-']").first()).isVisible();
    // The dataset node opens the dataset's page on that version.
    diagram.locator("#lineage-dataset a").first().click();
    assertThat(page.locator("#dataset-report-headline")).containsText("Kept 2 of 3 videos");
  }

  private void vocabularies(Page page, String role) {
    assertThat(page.locator("#vocab-grid")).isVisible();
    boolean edits = role.equals(Roles.PRODUCT_OWNER);
    assertThat(page.locator("#vocab-create-button")).hasCount(edits ? 1 : 0);
    assertThat(page.locator("#label-add-button")).hasCount(edits ? 1 : 0);
    page.locator("#vocab-search input").fill(seed.vocabulary());
    page.waitForCondition(() -> gridSize(page, "#vocab-grid") == 1);
    cell(page, "#vocab-grid", seed.vocabulary()).click();
    assertThat(page.locator("#labels-count")).hasText("2 labels");
    page.locator("#label-search input").fill("circ");
    assertThat(page.locator("#labels-count")).hasText("1 of 2 labels match");
    page.waitForCondition(() -> gridSize(page, "#labels-grid") == 1);
  }

  private void datasets(Page page, String role) {
    assertThat(page.locator("#source-form")).hasCount(role.equals(Roles.ML_OPS) ? 1 : 0);
    page.locator("#version-filter input").fill(seed.dataset());
    page.waitForCondition(() -> gridSize(page, "#version-grid") == 1);
    cell(page, "#version-grid", seed.dataset()).click();
    assertThat(page.locator("#dataset-report-headline")).containsText("Kept 2 of 3 videos");
  }

  private void benchmarks(Page page, String role) {
    Locator cell = page.locator("#cell-" + seed.benchmarkModelVersionId() + "-0");
    assertThat(cell).hasText("AUPR 0.813 · F1 0.688");
    // The cell is a router link; on a phone the wide grid scrolls sideways and a pointer click at
    // its centre can land outside the grid's viewport, so the link is activated directly.
    cell.dispatchEvent("click");
    benchmarkPage(page, role);
  }

  private void benchmarkPage(Page page, String role) {
    assertThat(page.locator("#benchmark-results")).containsText(seed.benchmarkColumn());
    page.waitForCondition(
        () ->
            ((Number) page.locator("#pr-curve-0").evaluate("img => img.naturalWidth")).intValue()
                > 0);
  }

  private void models(Page page, String role) {
    assertThat(cell(page, "#models-grid", seed.modelName() + "@" + seed.benchmarkModelVersion()))
        .isVisible();
    Locator promote = page.locator("#models-grid .model-promote-button");
    if (role.equals(Roles.ML_OPS)) assertThat(promote.first()).isVisible();
    else assertThat(promote).hasCount(0);
  }

  private void schedules(Page page, String role) {
    assertThat(page.locator("#schedules-grid")).isVisible();
    assertThat(page.locator("#schedule-create")).hasCount(role.equals(Roles.ML_OPS) ? 1 : 0);
  }

  private void classify(Page page, String role) {
    assertThat(page.locator("#classify-upload")).isVisible();
    page.locator("#classify-vocabulary input").fill(seed.publishedVocabulary());
    Locator item =
        page.locator("vaadin-combo-box-item")
            .filter(new Locator.FilterOptions().setHasText(seed.publishedVocabulary()));
    assertThat(item).isVisible();
    item.click();
    // Chosen, and the list closed again (its items may stay in the DOM, hidden).
    assertThat(page.locator("#classify-vocabulary input")).hasValue(seed.publishedVocabulary());
    page.waitForCondition(
        () -> !(Boolean) page.locator("#classify-vocabulary").evaluate("c => c.opened === true"));
  }

  private void audit(Page page, String role) {
    long events =
        QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("actor", seed.launcher()));
    // On a phone the filters start folded away, once the page has learnt the window's width:
    // open them until they stay open (isVisible does not wait, so one check can race the page).
    Locator section = page.locator("#audit-filter-section");
    assertThat(section).isAttached();
    page.waitForCondition(
        () -> {
          if (!page.locator("#audit-actor").isVisible()) section.evaluate("d => d.opened = true");
          return page.locator("#audit-actor").isVisible();
        });
    page.locator("#audit-actor input").fill(seed.launcher());
    assertThat(page.locator("#audit-count")).hasText(events + " events");
    page.waitForCondition(() -> gridSize(page, "#audit-grid") == events);
  }

  private void users(Page page, String role) {
    assertThat(cell(page, "#users-grid", "auditor")).isVisible();
    assertThat(page.locator("#user-create-button")).isVisible();
  }

  private void notAllowed(Page page, String path) {
    assertThat(page.locator("#not-allowed")).containsText("Not allowed");
    assertThat(page.locator("#not-allowed-reason")).containsText("/" + path);
  }

  // ------------------------------------------------------------------ the frame on every page

  /**
   * Wide: the user's name and "Log out" in the header. Phone: both fold into the account menu, the
   * header fits the screen, and the drawer toggle opens the navigation. Everywhere: the navigation
   * offers exactly the pages the role may open.
   */
  private void header(Page page, String user, String role, int width) {
    Locator nav = page.locator("#side-nav");
    boolean readsAudit = role.equals(Roles.AUDITOR) || role.equals(Roles.ML_OPS);
    boolean classifies = role.equals(Roles.PRODUCT_OWNER) || role.equals(Roles.ML_OPS);
    if (width == WIDE) {
      assertThat(page.locator("#current-user")).hasText(user);
      assertThat(page.locator("#logout-button")).isVisible();
      assertThat(page.locator("#account-menu")).isHidden();
    } else {
      assertThat(page.locator("#logout-button")).isHidden();
      Locator menu = page.locator("#account-menu");
      assertThat(menu).isVisible();
      double right = ((Number) menu.evaluate("m => m.getBoundingClientRect().right")).doubleValue();
      assertTrue(right <= PHONE, "account menu ends at " + right + " px");
      menu.locator("vaadin-menu-bar-button").first().click();
      assertThat(page.getByText("Signed in as " + user)).isVisible();
      page.keyboard().press("Escape");
      assertThat(page.getByText("Signed in as " + user)).isHidden();
      page.locator("vaadin-drawer-toggle").first().click();
      assertThat(nav).isVisible();
    }
    assertThat(
            nav.locator(
                "vaadin-side-nav-item", new Locator.LocatorOptions().setHasText("Audit log")))
        .hasCount(readsAudit ? 1 : 0);
    assertThat(
            nav.locator(
                "vaadin-side-nav-item", new Locator.LocatorOptions().setHasText("Classify")))
        .hasCount(classifies ? 1 : 0);
    assertThat(
            nav.locator("vaadin-side-nav-item", new Locator.LocatorOptions().setHasText("Users")))
        .hasCount(role.equals(Roles.ADMIN) ? 1 : 0);
    if (width == PHONE) {
      page.keyboard().press("Escape");
    }
  }

  // ------------------------------------------------------------------ helpers

  static long gridSize(Page page, String grid) {
    return ((Number) page.locator(grid).evaluate("g => g.size")).longValue();
  }

  static Locator cell(Page page, String grid, String text) {
    return page.locator(grid + " vaadin-grid-cell-content")
        .filter(new Locator.FilterOptions().setHasText(text))
        .first();
  }
}
