package dev.ovid.workflows.pipeline;

import dev.ovid.workflows.evaluation.EvaluationResult;

/** The outcome of a successful run: the registered model version and its scores. */
public record PipelineResult(
    long modelVersionId, String mlflowRunId, EvaluationResult evaluation) {}
