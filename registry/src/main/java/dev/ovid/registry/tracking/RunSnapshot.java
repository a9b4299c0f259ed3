package dev.ovid.registry.tracking;

import java.util.Map;

/** An MLflow run read back: status, params, latest metric values and tags. */
public record RunSnapshot(
    String runId,
    String status,
    String artifactUri,
    Map<String, String> params,
    Map<String, Double> latestMetrics,
    Map<String, String> tags) {}
