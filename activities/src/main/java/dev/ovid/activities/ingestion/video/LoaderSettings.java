package dev.ovid.activities.ingestion.video;

import io.smallrye.config.ConfigMapping;

/**
 * How activities read a dataset's videos (keys under {@code ovid.loader}; defaults and their
 * documentation in the worker's application.properties).
 */
@ConfigMapping(prefix = "ovid.loader")
public interface LoaderSettings {
  /** Threads decoding videos ahead of the model. */
  int decodeThreads();

  /** Most decoded videos held in memory at once (loaded ahead plus being loaded). */
  int prefetch();

  /** Keep decoded frames on local disk (uint8, by sha256) so later epochs skip decoding. */
  boolean frameCache();
}
