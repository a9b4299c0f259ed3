package dev.ovid.web.temporal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Ovid finds Temporal and how its worker runs. Keys live under {@code ovid.temporal}. */
@ConfigMapping(prefix = "ovid.temporal")
public interface TemporalSettings {
  /** Sentinel target meaning "run Temporal's in-process Java test server" (not durable). */
  String EMBEDDED = "embedded";

  /** host:port of the Temporal frontend, or {@value #EMBEDDED}. */
  @WithDefault(EMBEDDED)
  String target();

  @WithDefault("default")
  String namespace();

  /** The task queue this process polls and launches pipelines on. */
  @WithDefault("ovid-pipeline")
  String taskQueue();

  /** Whether this process runs a worker at all (a UI-only process may not). */
  @WithDefault("true")
  boolean workerEnabled();

  /** Whether this process only works (no run launching from this process's UI). */
  @WithDefault("false")
  boolean workerOnly();

  /** Web UI of the Temporal server, for links to workflows. */
  @WithDefault("http://127.0.0.1:58233")
  String uiUrl();

  default boolean embedded() {
    return EMBEDDED.equalsIgnoreCase(target().trim());
  }
}
