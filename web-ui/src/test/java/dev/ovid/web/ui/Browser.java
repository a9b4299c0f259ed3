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
 * Headless Chromium from the system (Debian's /usr/bin/chromium) driven by Playwright; never
 * downloads a browser. Override the binary with OVID_CHROMIUM.
 */
public final class Browser implements AutoCloseable {
  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;
  private final BrowserContext context;
  public final Page page;

  public Browser() {
    this(1400, 1000);
  }

  /** A browser whose window is {@code width} x {@code height} CSS pixels (390 wide: a phone). */
  Browser(int width, int height) {
    // The first page of a fresh app on a loaded 2-core machine can take more than the default 5 s.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
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
    context =
        browser.newContext(
            new NewContextOptions()
                .setViewportSize(width, height)
                .setTimezoneId("Europe/Berlin")
                .setAcceptDownloads(true));
    page = context.newPage();
  }

  /** The cookies this browser holds (for replaying them outside it). */
  public List<com.microsoft.playwright.options.Cookie> cookies() {
    return context.cookies();
  }

  /** Saves a screenshot and the DOM under target folder's playwright/ for a failed test. */
  void keepEvidence(String name) {
    try {
      Path dir = Paths.get(System.getProperty("ovid.evidence.dir", "target/playwright"));
      Files.createDirectories(dir);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
      Files.writeString(dir.resolve(name + ".html"), page.content());
    } catch (Exception e) {
      System.err.println("could not keep browser evidence: " + e);
    }
  }

  @Override
  public void close() {
    context.close();
    browser.close();
    playwright.close();
  }
}
