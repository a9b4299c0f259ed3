package dev.ovid.workflows.training;

import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.pipeline.Hyperparameters;

public record TrainingRequest(
    long runId, String mlflowRunId, DatasetVersionRef dataset, Hyperparameters hyperparameters) {}
