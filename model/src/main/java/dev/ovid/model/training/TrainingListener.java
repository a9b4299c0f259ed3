package dev.ovid.model.training;

/** Progress callbacks for the caller (a Temporal activity heartbeats and uploads from these). */
public interface TrainingListener {
  /**
   * After every optimizer step.
   *
   * @param epoch 0-based epoch
   * @param step 1-based global step just finished
   * @param totalSteps steps of the whole run
   * @param loss the step's loss (before the update)
   * @param samplesPerSecond videos per second over this step
   */
  void onStep(int epoch, long step, long totalSteps, float loss, double samplesPerSecond);

  /**
   * After every step of a run with loss scaling (FP16), before {@link #onStep}.
   *
   * @param step 1-based global step just finished
   * @param scale the loss scale S the next step will use
   * @param skippedSteps steps skipped so far because their gradients overflowed
   */
  default void onLossScale(long step, float scale, long skippedSteps) {}

  /**
   * Every {@code checkpointEverySteps} and after the last step. The checkpoint is valid only during
   * this call: write it with {@link Checkpoint#writeTo} before returning.
   */
  default void onCheckpoint(long step, Checkpoint checkpoint) {}

  TrainingListener NONE = (epoch, step, totalSteps, loss, samplesPerSecond) -> {};
}
