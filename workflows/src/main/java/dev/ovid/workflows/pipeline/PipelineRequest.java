package dev.ovid.workflows.pipeline;

import dev.ovid.workflows.curation.LabelerSpec;

/**
 * What a pipeline run needs: database ids of the run, its dataset and vocabulary, the knobs, and
 * optionally a labeler that adds synthetic labels to the training split before training (null:
 * train on the human labels only).
 */
public record PipelineRequest(
    long runId,
    String datasetName,
    long vocabularyId,
    Hyperparameters hyperparameters,
    LabelerSpec syntheticLabeler) {}
