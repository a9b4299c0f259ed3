package dev.ovid.model.metrics;

/** F1 with its precision and recall when decisions with score {@code >= threshold} are positive. */
public record ThresholdF1(double threshold, double f1, double precision, double recall) {}
