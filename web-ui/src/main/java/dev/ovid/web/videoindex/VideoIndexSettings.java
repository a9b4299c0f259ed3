package dev.ovid.web.videoindex;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Video indexes, label previews and batch classification (defaults in application.properties). */
@ConfigMapping(prefix = "ovid.video-index")
public interface VideoIndexSettings {
  /** Videos per shard activity when the caller names none. */
  int shardSize();

  /** Best-matching videos a label preview shows. */
  int previewTop();

  /** Bins of the preview's score histogram over [0, 1]. */
  int previewBins();

  /** How long a preview waits for the worker. */
  Duration previewTimeout();
}
