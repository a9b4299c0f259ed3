package dev.ovid.workflows.classification;

import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.expansion.LabelEmbeddingSetRef;

/** The inference activity's input: the video and the label embeddings to score it against. */
public record VideoScoringRequest(
    ObjectRef video, long modelVersionId, LabelEmbeddingSetRef labels, int top) {}
