package dev.ovid.model.training;

import ai.djl.ndarray.NDArray;

/**
 * One training video: frames [F, 3, H, W] as uint8 [0, 255] or float [0, 1] pixels, and the
 * vocabulary indices of its positive labels.
 */
public record VideoExample(NDArray frames, int[] positives) {}
