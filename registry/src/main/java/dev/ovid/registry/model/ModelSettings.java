package dev.ovid.registry.model;

import io.smallrye.config.ConfigMapping;

/** The registered model's name, in Ovid's registry and in MLflow's (defaults in config). */
@ConfigMapping(prefix = "ovid.models")
public interface ModelSettings {
  /** Name of the registered model that pipeline runs add versions to. */
  String name();
}
