package dev.ovid.workflows.evaluation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface EvaluationActivities {
  EvaluationResult evaluate(EvaluationRequest request);
}
