package dev.ovid.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.NewDatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Datasets page in headless Chromium: register a source, read a report, diff two versions. */
@QuarkusTest
class DatasetsBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Inject DatasetRegistry datasets;
  @Inject ObjectStore store;

  private void version(String name, List<ManifestEntry> entries, Map<String, Object> report) {
    byte[] manifest = DatasetManifest.write(entries);
    String sha = Sha256.of(manifest);
    var stored = store.put("datasets/" + name + "/manifests/" + sha + ".jsonl", manifest);
    byte[] json = Json.write(report).getBytes(StandardCharsets.UTF_8);
    var storedReport =
        store.put("datasets/" + name + "/reports/" + Sha256.of(json) + ".json", json);
    datasets.register(
        new NewDatasetVersion(
            name, stored.uri(), sha, entries.size(), 1, "browser test", "{}", storedReport.uri()),
        "test");
  }

  /** Ids carry a per-test suffix: the same manifest bytes can belong to only one dataset. */
  private String suffix;

  private ManifestEntry entry(String name, String... labels) {
    String id = name + "-" + suffix;
    return new ManifestEntry(
        id, "s3://ovid-artifacts/v/" + id + ".mp4", "b".repeat(64), List.of(labels), "train");
  }

  @Test
  void mlOpsRegistersASourceReadsAReportAndDiffsTwoVersions() {
    suffix = UUID.randomUUID().toString().substring(0, 8);
    String dataset = "browser-ds-" + suffix;
    version(dataset, List.of(entry("a", "red")), Map.of("videosIn", 1));
    version(
        dataset,
        List.of(entry("a", "red"), entry("b", "circle")),
        Map.of("videosIn", 2, "marker", "report-" + suffix));
    String source = "browser-src-" + suffix;

    try (Browser browser = new Browser()) {
      Page page = browser.page;
      try {
        page.navigate(base.toString() + "datasets");
        page.locator("#login-form input[name='username']").fill("mlops");
        page.locator("#login-form input[name='password']").fill("mlops");
        page.locator("#login-form input[name='password']").press("Enter");
        assertThat(page.locator("#current-user")).hasText("mlops");
        page.navigate(base.toString() + "datasets");

        page.locator("#source-name input").fill(source);
        page.locator("#source-location input").fill("/data/" + source + ".jsonl");
        page.locator("#source-register-button").click();
        assertThat(
                page.locator("#source-grid vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText(source))
                    .first())
            .isVisible();

        page.locator("#version-filter input").fill(dataset);
        clickTopRow(page, "#version-grid", dataset, 2);
        assertThat(page.locator("#dataset-report")).containsText("report-" + suffix);

        page.locator("#diff-button").click();
        assertThat(page.locator("#dataset-diff")).containsText("v1 → v2");
        assertThat(page.locator("#dataset-diff")).containsText("circle");
      } catch (AssertionError | RuntimeException e) {
        browser.keepEvidence("datasets-" + suffix);
        throw e;
      }
    }
  }

  /**
   * Clicks the topmost rendered cell of {@code grid} holding {@code text}, once exactly {@code
   * rows} such cells are rendered and have kept their places for two looks in a row. The grid
   * recycles cell elements, so stale ones from before a filter linger hidden (no box) or, for a
   * moment, in their old places; clicking then picked the wrong row (seen once in CI).
   */
  private static void clickTopRow(Page page, String grid, String text, int rows) {
    Locator cells =
        page.locator(grid + " vaadin-grid-cell-content")
            .filter(new Locator.FilterOptions().setHasText(text));
    cells.first().waitFor();
    List<Double> before = List.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      List<com.microsoft.playwright.options.BoundingBox> shown = new java.util.ArrayList<>();
      for (int i = 0; i < cells.count(); i++) {
        var box = cells.nth(i).boundingBox();
        if (box != null && box.height > 0) shown.add(box);
      }
      shown.sort(java.util.Comparator.comparingDouble(b -> b.y));
      List<Double> places = shown.stream().map(b -> b.y).toList();
      if (shown.size() == rows && places.equals(before)) {
        var top = shown.get(0);
        page.mouse().click(top.x + top.width / 2, top.y + top.height / 2);
        return;
      }
      before = places;
      page.waitForTimeout(200);
    }
    throw new AssertionError("no steady " + rows + " rendered rows with '" + text + "' in " + grid);
  }
}
