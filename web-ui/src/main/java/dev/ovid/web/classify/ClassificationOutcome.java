package dev.ovid.web.classify;

import dev.ovid.workflows.classification.LabelScore;
import java.util.List;

/** A classification as the REST API and the UI show it. */
public record ClassificationOutcome(
    String model,
    int modelVersion,
    String vocabulary,
    int vocabularyVersion,
    double threshold,
    int labelCount,
    boolean expandedOnDemand,
    List<LabelScore> labels,
    Timings timings) {

  /** Milliseconds: upload to the object store, then the worker's parts, and the whole request. */
  public record Timings(
      long uploadMs,
      long expansionMs,
      long downloadMs,
      long decodeMs,
      long encodeMs,
      long scoreMs,
      long totalMs) {}
}
