package dev.ovid.workflows.curation;

/**
 * Label {@code split} ("train" when null) of {@code dataset} with the labeler against the
 * vocabulary's labels. {@code runId} 0 when no pipeline run is involved.
 */
public record SyntheticLabelingRequest(
    long runId, DatasetVersionRef dataset, long vocabularyId, LabelerSpec labeler, String split) {}
