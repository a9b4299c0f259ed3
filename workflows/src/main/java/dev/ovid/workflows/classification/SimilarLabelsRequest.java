package dev.ovid.workflows.classification;

import java.util.List;

/**
 * Compare {@code candidates} with {@code existing} labels using a model version's label encoder;
 * report pairs whose cosine is at least {@code threshold}.
 */
public record SimilarLabelsRequest(
    long modelVersionId, List<String> candidates, List<String> existing, double threshold) {}
