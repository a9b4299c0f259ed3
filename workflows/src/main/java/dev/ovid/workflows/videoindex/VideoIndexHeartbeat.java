package dev.ovid.workflows.videoindex;

/** Heartbeat details of a shard activity: videos of the shard embedded so far. */
public record VideoIndexHeartbeat(int shard, int done, int total) {}
