package dev.ovid.registry.dataset;

/** How a dataset source describes its videos. */
public enum DatasetSourceKind {
  /** JSON Lines, one {"id", "uri", "labels", "split"} object per video. */
  MANIFEST,
  /** Kinetics-style CSV {@code label,youtube_id,time_start,time_end,split} plus a video root. */
  KINETICS_CSV,
  /**
   * YouTube-8M: a video-level TFRecord file, the vocabulary.csv its label ids index and curation
   * rules (game titles, rare labels); videos are found under the video root as {@code <id>.mp4}.
   */
  YT8M_TFRECORD
}
