package dev.ovid.workflows.videoindex;

/**
 * Embed shard {@code shard} (videos [shard × shardSize, (shard + 1) × shardSize) in manifest
 * order).
 */
public record VideoIndexShardRequest(
    long modelVersionId, long datasetVersionId, int shard, int shardSize) {}
