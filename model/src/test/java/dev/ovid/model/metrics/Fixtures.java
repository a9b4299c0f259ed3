package dev.ovid.model.metrics;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the committed metric fixtures on the test class path. */
public final class Fixtures {

  private Fixtures() {}

  public static Path metricsDir() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/metrics/expected.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
