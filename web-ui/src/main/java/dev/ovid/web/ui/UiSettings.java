package dev.ovid.web.ui;

import io.smallrye.config.ConfigMapping;

/** The {@code ovid.ui.*} keys; defaults and docs in application.properties. */
@ConfigMapping(prefix = "ovid.ui")
public interface UiSettings {
  /** Base URL of the MLflow UI, for links from runs. */
  String mlflowUrl();

  /** Base URL of the MinIO console, for links to stored objects (manifests, checkpoints...). */
  String minioConsoleUrl();

  /** How often (milliseconds) the Runs and Run detail views refresh live status. */
  int pollIntervalMs();
}
