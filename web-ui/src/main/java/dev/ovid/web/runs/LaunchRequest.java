package dev.ovid.web.runs;

import dev.ovid.workflows.curation.LabelerSpec;
import dev.ovid.workflows.pipeline.Hyperparameters;

/**
 * What a user asks for when launching a pipeline run; {@code syntheticLabeler} (may be null) adds
 * machine labels to the training split before training.
 */
public record LaunchRequest(
    String datasetName,
    long vocabularyId,
    Hyperparameters hyperparameters,
    LabelerSpec syntheticLabeler) {}
