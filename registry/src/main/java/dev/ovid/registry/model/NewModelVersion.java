package dev.ovid.registry.model;

/** What the register stage knows about a trained model; the registry assigns the version. */
public record NewModelVersion(
    String modelName,
    String checkpointUri,
    String checkpointSha256,
    String labelEmbeddingsUri,
    String labelEmbeddingsSha256,
    String mlflowRunId) {}
