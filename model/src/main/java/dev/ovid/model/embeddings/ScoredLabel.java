package dev.ovid.model.embeddings;

/** A label scored for one video: cosine similarity s and probability σ(s / τ). */
public record ScoredLabel(String id, String name, double similarity, double probability) {}
