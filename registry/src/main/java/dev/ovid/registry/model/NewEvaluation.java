package dev.ovid.registry.model;

/** Metrics of a run on a dataset version; {@code modelVersionId} may be null (not registered). */
public record NewEvaluation(
    long datasetVersionId,
    Long modelVersionId,
    double aupr,
    double peakF1,
    double peakF1Threshold,
    String reportUri) {}
