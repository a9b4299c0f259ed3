package dev.ovid.workflows.curation;

import dev.ovid.workflows.common.ObjectRef;

/** A registered, content-addressed dataset version and its manifest in the object store. */
public record DatasetVersionRef(
    long datasetVersionId, ObjectRef manifest, int videoCount, int labelCount) {}
