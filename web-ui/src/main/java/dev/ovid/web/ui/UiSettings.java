package dev.ovid.web.ui;

import io.smallrye.config.ConfigMapping;

/** The {@code ovid.ui.*} keys; defaults and docs in application.properties. */
@ConfigMapping(prefix = "ovid.ui")
public interface UiSettings {
  /** How often (milliseconds) the Runs and Run detail views refresh live status. */
  int pollIntervalMs();
}
