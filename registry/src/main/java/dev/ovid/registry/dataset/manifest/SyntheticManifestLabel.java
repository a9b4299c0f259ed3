package dev.ovid.registry.dataset.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A label a machine added to a video, with provenance: {@code source} names the labeler
 * ("teacher:ovid@3", "chat:gpt-4o-mini"), {@code score} its confidence (absent when it gives none).
 * Human labels are the entry's plain {@code labels}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyntheticManifestLabel(String label, String source, Double score) {}
