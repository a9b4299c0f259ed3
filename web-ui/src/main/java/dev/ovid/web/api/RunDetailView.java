package dev.ovid.web.api;

import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.workflows.pipeline.PipelineProgress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One run with its live progress (from the workflow) and its lineage (from the database). {@code
 * progress} is null when the workflow cannot be asked, and {@code progressError} says why.
 */
@Schema(name = "RunDetail")
public record RunDetailView(
    RunView run, PipelineProgress progress, String progressError, RunLineage lineage) {}
