package dev.ovid.workflows.classification;

/** A new label close to an existing one: "close to 'football' (0.96)". */
public record SimilarLabel(String label, String closeTo, double cosine) {}
