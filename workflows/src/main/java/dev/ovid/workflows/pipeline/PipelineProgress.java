package dev.ovid.workflows.pipeline;

/** What the progress query answers: the current stage and how far the whole run is (0..1). */
public record PipelineProgress(PipelineStage stage, double fraction, String message) {}
