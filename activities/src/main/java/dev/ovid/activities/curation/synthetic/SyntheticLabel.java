package dev.ovid.activities.curation.synthetic;

/**
 * A label a machine gave a video, with its provenance: {@code source} names the labeler
 * ("teacher:ovid@3", "chat:gpt-4o-mini") and {@code score} its confidence (null when the labeler
 * gives none).
 */
public record SyntheticLabel(String videoId, String label, String source, Double score) {}
