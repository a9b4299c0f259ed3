package dev.ovid.model.training;

import java.util.List;

/**
 * What a {@link OvidTrainer#train} call did.
 *
 * @param firstStep global step the call started from (0, or a restored checkpoint's step)
 * @param lastStep global step reached (= total steps when the run is complete)
 * @param losses loss of every step this call ran, in order
 */
public record TrainingResult(long firstStep, long lastStep, List<Float> losses) {}
