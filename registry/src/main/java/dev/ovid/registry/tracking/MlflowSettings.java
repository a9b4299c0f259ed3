package dev.ovid.registry.tracking;

import io.smallrye.config.ConfigMapping;

/** The {@code ovid.mlflow.*} keys; defaults and docs in META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "ovid.mlflow")
public interface MlflowSettings {
  String trackingUri();

  /** Experiment that holds every pipeline run. */
  String experiment();

  default MlflowConfig toConfig() {
    return new MlflowConfig(trackingUri(), experiment());
  }
}
