package dev.ovid.workflows.videoindex;

import dev.ovid.workflows.common.ObjectRef;

/**
 * A stored shard of video embeddings; {@code computed} is false when an earlier attempt had stored
 * it already (a retried or resumed build never embeds a stored shard again).
 */
public record VideoIndexShardRef(
    int shard, ObjectRef embeddings, int videoCount, boolean computed) {}
