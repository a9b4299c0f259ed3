package dev.ovid.model.training;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a training run reports: every loss scale and every checkpoint, serialised during the
 * call (a checkpoint is valid only then).
 */
final class RecordingListener implements TrainingListener {
  final List<Float> lossScales = new ArrayList<>();
  final List<byte[]> checkpoints = new ArrayList<>();

  @Override
  public void onStep(int epoch, long step, long totalSteps, float loss, double samplesPerSecond) {}

  @Override
  public void onLossScale(long step, float scale, long skippedSteps) {
    lossScales.add(scale);
  }

  @Override
  public void onCheckpoint(long step, Checkpoint checkpoint) {
    checkpoints.add(OvidTrainerTest.bytes(checkpoint));
  }

  /** The {@code index}-th checkpoint, read back. */
  Checkpoint checkpoint(int index) {
    return Checkpoint.read(new ByteArrayInputStream(checkpoints.get(index)), "memory");
  }
}
