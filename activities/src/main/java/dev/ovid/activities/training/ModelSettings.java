package dev.ovid.activities.training;

import io.smallrye.config.ConfigMapping;

/** The {@code ovid.model.*} keys; defaults and docs in the worker's application.properties. */
@ConfigMapping(prefix = "ovid.model")
public interface ModelSettings {
  /** Frames sampled per video (F). */
  int frames();

  /**
   * Backbone of runs recorded before the model was a run parameter: "tiny-random" (a small random
   * CLIP/T5 pair, deterministic from the seed), {@code clip:<dir>} or {@code
   * clip+t5:<clipDir>,<t5Dir>} (HF safetensors folders).
   */
  String backbone();
}
