package dev.ovid.web.api;

import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.web.runs.RunOperations;
import dev.ovid.workflows.pipeline.PipelineProgress;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One run with its live progress (from the workflow) and its lineage (from the database). {@code
 * progress} is null when the workflow cannot be asked, and {@code progressError} says why. {@code
 * activities} are the workflow's pending activities with their attempt and last failure (a retrying
 * activity shows why it retries).
 */
@Schema(name = "RunDetail")
public record RunDetailView(
    RunView run,
    PipelineProgress progress,
    String progressError,
    RunLineage lineage,
    @Schema(description = "activities running or being retried now, with attempt and last failure")
        List<RunOperations.PendingActivity> activities) {}
