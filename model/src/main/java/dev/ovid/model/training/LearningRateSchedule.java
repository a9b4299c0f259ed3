package dev.ovid.model.training;

/**
 * Linear warm-up from 0 to the peak rate over {@code warmupSteps}, then cosine decay to {@code peak
 * · minRatio} at {@code totalSteps}.
 */
public record LearningRateSchedule(float peak, int warmupSteps, long totalSteps, float minRatio) {

  /** Rate for the update with 0-based index {@code step}. */
  public float rate(long step) {
    if (warmupSteps > 0 && step < warmupSteps) {
      return peak * (step + 1) / (float) warmupSteps;
    }
    long decaySteps = Math.max(1, totalSteps - warmupSteps);
    double progress = Math.min(1.0, (step - warmupSteps) / (double) decaySteps);
    double cosine = 0.5 * (1.0 + Math.cos(Math.PI * progress));
    return (float) (peak * (minRatio + (1.0 - minRatio) * cosine));
  }
}
