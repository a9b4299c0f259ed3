package dev.ovid.web.classify;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Classification requests of the control plane (defaults in application.properties). */
@ConfigMapping(prefix = "ovid.classify")
public interface ClassifySettings {
  /** Largest video upload accepted, in bytes; larger ones get 413. */
  long maxUploadBytes();

  /** How long a request waits for the worker's answer (expansion on demand included). */
  Duration timeout();

  /** Labels returned when the caller gives no top-K. */
  int defaultTop();
}
