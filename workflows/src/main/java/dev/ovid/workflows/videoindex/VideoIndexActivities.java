package dev.ovid.workflows.videoindex;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Video embedding index work on the inference queue. */
@ActivityInterface
public interface VideoIndexActivities {
  /** Reads the dataset version's manifest; returns the recorded index when there is one. */
  VideoIndexPlan plan(VideoIndexRequest request);

  /**
   * Embeds one shard (and stores a thumbnail frame per video), heartbeating per video; a shard
   * stored before is returned as it is.
   */
  VideoIndexShardRef embedShard(VideoIndexShardRequest request);

  /** Joins the shards in order into one content-addressed index and records it (idempotent). */
  VideoIndexRef assemble(VideoIndexRequest request, List<VideoIndexShardRef> shards);

  /** Scores the indexed videos against one label embedded by the model's label encoder. */
  LabelPreviewResult preview(LabelPreviewRequest request);

  /** Scores every indexed video against a label-embedding set; writes CSV and JSONL. */
  BatchClassificationRef classifyIndex(BatchClassificationRequest request, IndexedLabels inputs);
}
