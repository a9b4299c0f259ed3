package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.expansion.LabelEmbeddingSetRef;

/** What a batch classification scores: the video index and the label embeddings. */
public record IndexedLabels(VideoIndexRef index, LabelEmbeddingSetRef labels) {}
