package dev.ovid.registry.tracking;

/** Where MLflow is and which experiment holds the runs; built from {@link MlflowSettings}. */
public record MlflowConfig(String trackingUri, String experimentName) {}
