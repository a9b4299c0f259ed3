package dev.ovid.activities.videoindex;

import dev.ovid.activities.videoindex.VideoEmbeddingFile.IndexedVideo;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.registry.common.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows a batch classification writes for one video: its labels sorted by score, highest first,
 * the {@code top} best and every other label passing the threshold. CSV has one row per (video,
 * label); JSONL one object per video: {@code {"video", "uri", "labels": [{"label", "score",
 * "passes"}]}}.
 */
final class BatchResults {
  private BatchResults() {}

  static void append(
      StringBuilder csv,
      StringBuilder jsonl,
      IndexedVideo video,
      LabelEmbeddingDatabase labels,
      double[] scores,
      int top,
      double threshold) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    List<Map<String, Object>> kept = new ArrayList<>();
    for (int rank = 0; rank < order.length; rank++) {
      double score = scores[order[rank]];
      boolean passes = score >= threshold;
      if (rank >= top && !passes) break;
      String label = labels.labels().get(order[rank]).name();
      csv.append(field(video.id()))
          .append(',')
          .append(field(video.uri()))
          .append(',')
          .append(rank + 1)
          .append(',')
          .append(field(label))
          .append(',')
          .append(String.format(Locale.ROOT, "%.6f", score))
          .append(',')
          .append(passes)
          .append('\n');
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("label", label);
      entry.put("score", Math.round(score * 1e6) / 1e6);
      entry.put("passes", passes);
      kept.add(entry);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("video", video.id());
    line.put("uri", video.uri());
    line.put("labels", kept);
    jsonl.append(Json.write(line)).append('\n');
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break. */
  static String field(String value) {
    if (value == null) return "";
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
