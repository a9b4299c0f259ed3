package dev.ovid.registry.tracking;

/** How an MLflow run ended. */
public enum RunOutcome {
  FINISHED,
  FAILED,
  KILLED
}
