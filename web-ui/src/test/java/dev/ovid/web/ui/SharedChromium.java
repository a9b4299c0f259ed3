package dev.ovid.web.ui;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for a whole test class: each person gets a fresh context (own cookies)
 * instead of a browser of their own, which keeps a page-per-role suite affordable on 2 cores. Same
 * system browser and switches as {@link Browser}.
 */
final class SharedChromium implements AutoCloseable {
  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  SharedChromium() {
    // Two cores shared by several builds: pages may take long to answer. Waits, never sleeps.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    String executable = System.getenv().getOrDefault("OVID_CHROMIUM", "/usr/bin/chromium");
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(executable))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--no-first-run")));
  }

  /** A new window {@code width} CSS pixels wide, with nobody logged in. */
  Page open(int width) {
    BrowserContext context =
        browser.newContext(
            new NewContextOptions()
                .setViewportSize(width, 900)
                .setTimezoneId("Europe/Berlin")
                .setAcceptDownloads(true));
    context.setDefaultTimeout(90_000);
    context.setDefaultNavigationTimeout(120_000);
    return context.newPage();
  }

  /** Saves a screenshot and the DOM of {@code page} under target/playwright for a failed check. */
  static void keepEvidence(Page page, String name) {
    try {
      Path dir = Paths.get(System.getProperty("ovid.evidence.dir", "target/playwright"));
      Files.createDirectories(dir);
      String file = name.replaceAll("[^A-Za-z0-9._-]", "_");
      page.screenshot(
          new Page.ScreenshotOptions().setPath(dir.resolve(file + ".png")).setFullPage(true));
      Files.writeString(dir.resolve(file + ".html"), page.content());
    } catch (Exception e) {
      System.err.println("could not keep browser evidence for " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
