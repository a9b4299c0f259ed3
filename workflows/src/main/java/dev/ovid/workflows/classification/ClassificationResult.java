package dev.ovid.workflows.classification;

import java.util.List;

/**
 * Labels sorted by score (highest first), the threshold they were judged by, what classified them
 * and how long each part took (milliseconds).
 */
public record ClassificationResult(
    long modelVersionId,
    long vocabularyVersionId,
    double threshold,
    int labelCount,
    List<LabelScore> labels,
    boolean expandedOnDemand,
    Timings timings) {

  public record Timings(
      long expansionMs, long downloadMs, long decodeMs, long encodeMs, long scoreMs) {}
}
