package dev.ovid.registry.tracking;

import java.util.Map;

/**
 * The MLflow run for one Ovid pipeline run. {@code ovidRunId} (tag ovid.run_id) makes creation
 * idempotent; the other fields become tags (null ones are left out).
 */
public record RunSpec(
    String ovidRunId,
    String runName,
    String workflowId,
    String datasetVersion,
    String vocabularyVersion,
    String gitCommit,
    Map<String, String> extraTags) {}
