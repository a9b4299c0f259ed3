package dev.ovid.activities.curation.manifest;

import java.util.List;

/**
 * One video of a dataset version: where it is (s3:// or file path), its sha256 (null when not yet
 * known), its positive labels and its split (train, eval...).
 */
public record ManifestEntry(
    String id, String uri, String sha256, List<String> labels, String split) {}
