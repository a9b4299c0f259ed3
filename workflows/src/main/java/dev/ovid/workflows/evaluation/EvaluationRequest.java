package dev.ovid.workflows.evaluation;

import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.expansion.LabelEmbeddingsRef;
import dev.ovid.workflows.training.TrainedModelRef;

public record EvaluationRequest(
    long runId,
    String mlflowRunId,
    TrainedModelRef model,
    LabelEmbeddingsRef labels,
    DatasetVersionRef dataset) {}
