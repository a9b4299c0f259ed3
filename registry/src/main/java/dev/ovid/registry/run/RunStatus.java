package dev.ovid.registry.run;

/** Life cycle of a training run. SUCCEEDED and FAILED are final. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
