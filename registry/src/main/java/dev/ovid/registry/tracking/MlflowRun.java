package dev.ovid.registry.tracking;

/**
 * An MLflow run's identity; {@code artifactUri} is its artifact root, e.g.
 * s3://mlflow/1/&lt;id&gt;/artifacts.
 */
public record MlflowRun(String runId, String experimentId, String artifactUri) {}
