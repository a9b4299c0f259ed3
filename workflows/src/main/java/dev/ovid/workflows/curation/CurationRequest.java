package dev.ovid.workflows.curation;

/** Curate the named dataset against a vocabulary into an immutable dataset version. */
public record CurationRequest(long runId, String datasetName, long vocabularyId) {}
