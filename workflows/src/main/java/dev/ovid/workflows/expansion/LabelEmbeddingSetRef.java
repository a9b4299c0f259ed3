package dev.ovid.workflows.expansion;

import dev.ovid.workflows.common.ObjectRef;

/**
 * A recorded label-embedding database of (model version, vocabulary version); {@code created} is
 * false when an earlier expansion had already made it.
 */
public record LabelEmbeddingSetRef(
    long id,
    long modelVersionId,
    long vocabularyVersionId,
    ObjectRef embeddings,
    int labelCount,
    boolean created) {}
