package dev.ovid.workflows.training;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface TrainingActivities {
  /** Trains the model, heartbeating {@link TrainingHeartbeat}s and checkpointing as it goes. */
  TrainedModelRef train(TrainingRequest request);
}
