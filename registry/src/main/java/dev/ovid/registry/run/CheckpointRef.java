package dev.ovid.registry.run;

/** Where one checkpoint of a run is and the step it was taken after. */
public record CheckpointRef(long runId, long step, String uri, String sha256, long sizeBytes) {
  static CheckpointRef of(RunCheckpoint c) {
    return new CheckpointRef(c.run.id, c.step, c.uri, c.sha256, c.sizeBytes);
  }
}
