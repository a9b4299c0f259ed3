package dev.ovid.workflows.classification;

import dev.ovid.workflows.common.ObjectRef;

/**
 * Classify one video (an object-store reference; sha256 may be null for a caller's own s3://
 * object) against a published vocabulary version with a model version. {@code top} caps how many
 * labels come back (payloads are small).
 */
public record ClassificationRequest(
    ObjectRef video, long modelVersionId, long vocabularyVersionId, int top, String actor) {}
