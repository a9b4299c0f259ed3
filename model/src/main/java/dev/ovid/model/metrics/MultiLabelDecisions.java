package dev.ovid.model.metrics;

import java.util.List;

/**
 * Every (video, label) decision of an evaluation: row r says video {@code videoIds[video[r]]} got
 * {@code scores[r]} for label {@code labelNames[label[r]]}, and whether that label is a true
 * positive. {@code unscoredPositives[l]} counts positives of label l that have no score row (only
 * non-zero when the reader was told to count them as missed).
 */
public record MultiLabelDecisions(
    double[] scores,
    boolean[] positives,
    int[] video,
    int[] label,
    List<String> videoIds,
    List<String> labelNames,
    long[] unscoredPositives) {

  public MultiLabelDecisions {
    int n = scores.length;
    if (positives.length != n || video.length != n || label.length != n) {
      throw new IllegalArgumentException("decision arrays differ in length");
    }
    if (unscoredPositives.length != labelNames.size()) {
      throw new IllegalArgumentException("unscoredPositives needs one count per label");
    }
    videoIds = List.copyOf(videoIds);
    labelNames = List.copyOf(labelNames);
  }

  /** Decisions with every positive scored. */
  public static MultiLabelDecisions of(
      double[] scores,
      boolean[] positives,
      int[] video,
      int[] label,
      List<String> videoIds,
      List<String> labelNames) {
    return new MultiLabelDecisions(
        scores, positives, video, label, videoIds, labelNames, new long[labelNames.size()]);
  }

  public int size() {
    return scores.length;
  }

  public long totalUnscoredPositives() {
    long sum = 0;
    for (long u : unscoredPositives) {
      sum += u;
    }
    return sum;
  }

  /**
   * Row indices grouped by key (counting sort, stable): rows of key k are
   * rows[start[k]..start[k+1]).
   */
  static int[][] groupRows(int[] keys, int keyCount) {
    int[] start = new int[keyCount + 1];
    for (int k : keys) {
      start[k + 1]++;
    }
    for (int k = 0; k < keyCount; k++) {
      start[k + 1] += start[k];
    }
    int[] rows = new int[keys.length];
    int[] next = start.clone();
    for (int r = 0; r < keys.length; r++) {
      rows[next[keys[r]]++] = r;
    }
    return new int[][] {rows, start};
  }
}
