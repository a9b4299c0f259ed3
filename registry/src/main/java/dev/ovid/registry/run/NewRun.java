package dev.ovid.registry.run;

import java.util.Map;

/**
 * A run to create. {@code datasetVersion} pins an existing version of {@code datasetName} (null:
 * curation decides); {@code workflowId} may be attached later with {@link
 * RunRegistry#attachWorkflow}.
 */
public record NewRun(
    String datasetName,
    Integer datasetVersion,
    String vocabularyName,
    Map<String, Object> hyperparameters,
    String workflowId) {}
