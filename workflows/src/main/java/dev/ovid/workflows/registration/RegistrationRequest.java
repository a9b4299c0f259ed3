package dev.ovid.workflows.registration;

import dev.ovid.workflows.evaluation.EvaluationResult;
import dev.ovid.workflows.expansion.LabelEmbeddingsRef;
import dev.ovid.workflows.training.TrainedModelRef;

public record RegistrationRequest(
    long runId,
    String mlflowRunId,
    TrainedModelRef model,
    LabelEmbeddingsRef labels,
    EvaluationResult evaluation) {}
