package dev.ovid.activities.training;

import dev.ovid.model.core.OvidModel;
import dev.ovid.model.training.TrainingConfig;

/** Maps the configured backbone name to a model built by the model library. */
final class ModelBackbones {
  private ModelBackbones() {}

  static OvidModel build(String backbone, TrainingConfig config) {
    // TEMPORARY until model/ publishes its tiny-model factory (in progress this session).
    throw new UnsupportedOperationException("backbone " + backbone + " not wired yet");
  }
}
