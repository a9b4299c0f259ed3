package dev.ovid.activities.ingestion.video;

import java.util.List;

/**
 * A video's sampled frames as model input: uint8 pixels laid out [F, 3, S, S] (the model scales
 * them to [0, 1] and normalises), with its labels. A quarter of the float32 size.
 */
public record DecodedVideo(String id, byte[] pixels, List<String> labels) {}
