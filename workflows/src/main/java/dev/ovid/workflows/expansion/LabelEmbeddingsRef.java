package dev.ovid.workflows.expansion;

import dev.ovid.workflows.common.ObjectRef;

/** A label-embedding database file in the object store. */
public record LabelEmbeddingsRef(ObjectRef embeddings, int labelCount, long vocabularyVersion) {}
