package dev.ovid.activities.common;

/** Names under which activities write audit events. */
public final class Actors {
  /** The pipeline worker acting for whoever launched the run. */
  public static final String WORKER = "system:pipeline-worker";

  private Actors() {}
}
