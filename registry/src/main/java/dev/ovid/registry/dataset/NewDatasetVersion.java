package dev.ovid.registry.dataset;

/** What curation reports about a manifest it wrote; the registry assigns the version number. */
public record NewDatasetVersion(
    String datasetName,
    String manifestUri,
    String manifestSha256,
    int videoCount,
    int labelCount,
    String sourceDescription,
    String curationConfigJson,
    String curationReportUri) {}
