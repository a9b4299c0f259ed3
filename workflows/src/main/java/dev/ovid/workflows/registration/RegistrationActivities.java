package dev.ovid.workflows.registration;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface RegistrationActivities {
  /** Records the model version (database and MLflow registry); returns its id. */
  long register(RegistrationRequest request);
}
