package dev.ovid.workflows.videoindex;

/** One indexed video's score for a previewed label, with its thumbnail (a JPEG's sha256). */
public record PreviewVideo(
    String id, String uri, double score, boolean passes, String thumbnailSha256) {}
