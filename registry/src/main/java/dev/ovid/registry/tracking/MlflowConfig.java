package dev.ovid.registry.tracking;

import org.eclipse.microprofile.config.Config;

/**
 * Where MLflow is. Keys and defaults (override in application.properties or the environment, e.g.
 * {@code OVID_MLFLOW_TRACKING_URI}):
 *
 * <ul>
 *   <li>{@code ovid.mlflow.tracking-uri} = http://127.0.0.1:55000 (the server infra/ starts)
 *   <li>{@code ovid.mlflow.experiment} = ovid (experiment holding all pipeline runs)
 * </ul>
 */
public record MlflowConfig(String trackingUri, String experimentName) {
  public static final String DEFAULT_TRACKING_URI = "http://127.0.0.1:55000";
  public static final String DEFAULT_EXPERIMENT = "ovid";

  public static MlflowConfig defaults() {
    return new MlflowConfig(DEFAULT_TRACKING_URI, DEFAULT_EXPERIMENT);
  }

  public static MlflowConfig from(Config config) {
    return new MlflowConfig(
        config
            .getOptionalValue("ovid.mlflow.tracking-uri", String.class)
            .orElse(DEFAULT_TRACKING_URI),
        config.getOptionalValue("ovid.mlflow.experiment", String.class).orElse(DEFAULT_EXPERIMENT));
  }
}
