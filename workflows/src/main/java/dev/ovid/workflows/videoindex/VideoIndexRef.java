package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.common.ObjectRef;

/**
 * A recorded video embedding index of (model version, dataset version); {@code created} is false
 * when an earlier build had made it.
 */
public record VideoIndexRef(
    long id,
    long modelVersionId,
    long datasetVersionId,
    ObjectRef embeddings,
    int videoCount,
    boolean created) {}
