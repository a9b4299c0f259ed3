package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.common.ObjectRef;

/**
 * A recorded batch classification: its results as CSV and JSONL in the object store; {@code
 * created} is false when an earlier run had made them.
 */
public record BatchClassificationRef(
    long id,
    ObjectRef csv,
    ObjectRef jsonl,
    int videoCount,
    int labelCount,
    double threshold,
    boolean created) {}
