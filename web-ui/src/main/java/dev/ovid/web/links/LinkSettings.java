package dev.ovid.web.links;

import io.smallrye.config.ConfigMapping;

/** The {@code ovid.links.*} keys; defaults and docs in application.properties. */
@ConfigMapping(prefix = "ovid.links")
public interface LinkSettings {
  /** Base URL of the MLflow UI, for links from runs (API and UI). */
  String mlflowUrl();

  /** Base URL of the MinIO console, for links to stored objects (manifests, checkpoints...). */
  String minioConsoleUrl();
}
