package dev.ovid.web.runs;

import dev.ovid.workflows.pipeline.Hyperparameters;

/** What a user asks for when launching a pipeline run. */
public record LaunchRequest(
    String datasetName, long vocabularyId, Hyperparameters hyperparameters) {}
