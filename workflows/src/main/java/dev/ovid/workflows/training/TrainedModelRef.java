package dev.ovid.workflows.training;

import dev.ovid.workflows.common.ObjectRef;

/** The trained weights in the object store and how training ended. */
public record TrainedModelRef(
    ObjectRef checkpoint, int steps, double finalLoss, int resumedFromStep) {}
