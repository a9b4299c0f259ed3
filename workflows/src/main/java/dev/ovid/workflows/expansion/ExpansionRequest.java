package dev.ovid.workflows.expansion;

import dev.ovid.workflows.training.TrainedModelRef;

/** Embed every label of a vocabulary with a trained label encoder. */
public record ExpansionRequest(
    long runId, String mlflowRunId, TrainedModelRef model, long vocabularyId) {}
