package dev.ovid.model.metrics;

import java.util.Map;

/**
 * Headline metrics of one dataset: AUPR, mAP, peak F1 with its threshold and YouTube-8M GAP@20,
 * with the counts they came from, per-label APs and the pooled curve for plots.
 */
public record Evaluation(
    double aupr,
    double map,
    double peakF1,
    double peakF1Threshold,
    double gap20,
    long decisions,
    long positives,
    int videos,
    int labels,
    Map<String, Double> perClassAp,
    PrecisionRecallCurve curve) {}
