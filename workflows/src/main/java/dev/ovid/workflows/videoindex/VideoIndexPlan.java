package dev.ovid.workflows.videoindex;

/**
 * What an index build has to do: {@code existing} is the recorded index when the pair was indexed
 * before (then nothing is computed), otherwise the videos are cut into {@code shardCount} shards.
 */
public record VideoIndexPlan(int videoCount, int shardCount, VideoIndexRef existing) {}
