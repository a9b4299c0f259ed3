package dev.ovid.registry.run;

/** Life cycle of a training run. SUCCEEDED, FAILED and CANCELLED are final. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Stopped on request (UI, REST, Temporal); its last checkpoint is kept for a retry. */
  CANCELLED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
