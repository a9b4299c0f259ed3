package dev.ovid.workflows.pipeline;

/**
 * What a pipeline run needs: database ids of the run, its dataset and vocabulary, and the knobs.
 */
public record PipelineRequest(
    long runId, String datasetName, long vocabularyId, Hyperparameters hyperparameters) {}
