package dev.ovid.activities.ingestion.video;

import java.util.List;

/** A video's sampled, preprocessed frames laid out [F, 3, S, S], with its labels. */
public record DecodedVideo(String id, float[] pixels, List<String> labels) {}
