package dev.ovid.workflows.videoindex;

/** Where an index build is: planning, embedding, assembling, done or failed, shard by shard. */
public record VideoIndexProgress(
    String state, int shardsDone, int shardsTotal, int videosTotal, String message) {

  public double fraction() {
    if ("done".equals(state)) return 1.0;
    return shardsTotal == 0 ? 0.0 : (double) shardsDone / shardsTotal;
  }
}
