package dev.ovid.workflows.expansion;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ExpansionActivities {
  LabelEmbeddingsRef expand(ExpansionRequest request);
}
