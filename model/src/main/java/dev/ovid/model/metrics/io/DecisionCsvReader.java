package dev.ovid.model.metrics.io;

import dev.ovid.model.metrics.MultiLabelDecisions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an evaluation from two CSV files: scores ({@code video_id,label,score}, one row per
 * decision) and labels ({@code video_id,label}, the positives). Rows are kept in primitive arrays;
 * duplicate and lookup checks sort packed (video, label) keys once and binary-search them, so there
 * is no per-pair hash map.
 *
 * <p>Rejected, with file and line: a missing file or column, an empty file, a row with too few
 * fields, an empty id, a score that is not a finite number, a duplicate pair in either file, and
 * (by default) a positive with no score row — see {@link MissingPositivePolicy}.
 */
public final class DecisionCsvReader {

  public static final String VIDEO_ID = "video_id";
  public static final String LABEL = "label";
  public static final String SCORE = "score";

  private DecisionCsvReader() {}

  public static MultiLabelDecisions read(Path scoresFile, Path labelsFile) throws IOException {
    return read(scoresFile, labelsFile, MissingPositivePolicy.ERROR);
  }

  public static MultiLabelDecisions read(
      Path scoresFile, Path labelsFile, MissingPositivePolicy policy) throws IOException {
    Interner videos = new Interner();
    Interner labels = new Interner();
    GrowingRows rows = new GrowingRows();
    try (CsvTable table = CsvTable.open(scoresFile, VIDEO_ID, LABEL, SCORE)) {
      String[] f = new String[3];
      while (table.next(f)) {
        requireId(table, f[0], VIDEO_ID);
        requireId(table, f[1], LABEL);
        rows.add(videos.id(f[0]), labels.id(f[1]), parseScore(table, f[2]), table.line());
      }
    }
    if (rows.size == 0) {
      throw new MetricsInputException(scoresFile, 0, "no score rows after the header");
    }
    long[] keys = new long[rows.size];
    for (int r = 0; r < rows.size; r++) {
      keys[r] = pack(rows.video[r], rows.label[r]);
    }
    int[] byKey = sortedOrder(keys);
    for (int i = 1; i < byKey.length; i++) {
      if (keys[byKey[i]] == keys[byKey[i - 1]]) {
        int first = Math.min(byKey[i], byKey[i - 1]);
        int second = Math.max(byKey[i], byKey[i - 1]);
        throw new MetricsInputException(
            scoresFile,
            rows.line[second],
            "duplicate decision for video "
                + CsvTable.quote(videos.names.get(rows.video[second]))
                + ", label "
                + CsvTable.quote(labels.names.get(rows.label[second]))
                + " (first at line "
                + rows.line[first]
                + ")");
      }
    }
    long[] sortedKeys = new long[byKey.length];
    for (int i = 0; i < byKey.length; i++) {
      sortedKeys[i] = keys[byKey[i]];
    }

    boolean[] positives = new boolean[rows.size];
    long[] positiveLine = new long[rows.size];
    // Positives with no score row (COUNT_AS_MISSED only), with the line that named them.
    Map<VideoLabel, Long> unscored = new HashMap<>();
    long positivesRead = 0;
    try (CsvTable table = CsvTable.open(labelsFile, VIDEO_ID, LABEL)) {
      String[] f = new String[2];
      while (table.next(f)) {
        requireId(table, f[0], VIDEO_ID);
        requireId(table, f[1], LABEL);
        positivesRead++;
        Integer v = videos.index.get(f[0]);
        Integer l = labels.index.get(f[1]);
        int at = v == null || l == null ? -1 : Arrays.binarySearch(sortedKeys, pack(v, l));
        if (at < 0) {
          if (policy == MissingPositivePolicy.ERROR) {
            throw table.error(
                "positive (video "
                    + CsvTable.quote(f[0])
                    + ", label "
                    + CsvTable.quote(f[1])
                    + ") has no row in "
                    + scoresFile
                    + (v == null ? " (unknown video)" : l == null ? " (unknown label)" : ""));
          }
          if (unscored.put(new VideoLabel(f[0], f[1]), table.line()) != null) {
            throw table.error(
                "duplicate positive (video "
                    + CsvTable.quote(f[0])
                    + ", label "
                    + CsvTable.quote(f[1])
                    + ")");
          }
          labels.id(f[1]); // a label seen only here still gets a slot for its missed positives
          continue;
        }
        int r = byKey[at];
        if (positives[r]) {
          throw table.error(
              "duplicate positive (video "
                  + CsvTable.quote(f[0])
                  + ", label "
                  + CsvTable.quote(f[1])
                  + ", first at line "
                  + positiveLine[r]
                  + ")");
        }
        positives[r] = true;
        positiveLine[r] = table.line();
      }
    }
    if (positivesRead == 0) {
      throw new MetricsInputException(labelsFile, 0, "no positive rows after the header");
    }
    long[] unscoredPerLabel = new long[labels.names.size()];
    for (VideoLabel key : unscored.keySet()) {
      unscoredPerLabel[labels.index.get(key.label())]++;
    }
    return new MultiLabelDecisions(
        Arrays.copyOf(rows.score, rows.size),
        positives,
        Arrays.copyOf(rows.video, rows.size),
        Arrays.copyOf(rows.label, rows.size),
        videos.names,
        labels.names,
        unscoredPerLabel);
  }

  /** A (video, label) pair named by the labels file; ids may hold any character. */
  private record VideoLabel(String video, String label) {}

  private static void requireId(CsvTable table, String value, String column) throws IOException {
    if (value.isEmpty()) {
      throw table.error("empty " + column);
    }
  }

  private static double parseScore(CsvTable table, String text) throws IOException {
    double score;
    try {
      score = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw table.error("score " + CsvTable.quote(text) + " is not a number");
    }
    if (!Double.isFinite(score)) {
      throw table.error("score " + CsvTable.quote(text) + " is not a finite number");
    }
    return score;
  }

  private static long pack(int video, int label) {
    return ((long) video << 32) | (label & 0xFFFFFFFFL);
  }

  /** Row indices ordered by key (stable, so equal keys keep file order). */
  private static int[] sortedOrder(long[] keys) {
    Integer[] boxed = new Integer[keys.length];
    for (int i = 0; i < keys.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
    int[] order = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  /** String ids to dense ints, in first-seen order. */
  private static final class Interner {
    final Map<String, Integer> index = new HashMap<>();
    final List<String> names = new ArrayList<>();

    int id(String name) {
      Integer i = index.get(name);
      if (i == null) {
        i = names.size();
        index.put(name, i);
        names.add(name);
      }
      return i;
    }
  }

  /** Primitive column arrays that double when full. */
  private static final class GrowingRows {
    int size;
    int[] video = new int[1024];
    int[] label = new int[1024];
    double[] score = new double[1024];
    long[] line = new long[1024];

    void add(int v, int l, double s, long ln) {
      if (size == video.length) {
        int n = size * 2;
        video = Arrays.copyOf(video, n);
        label = Arrays.copyOf(label, n);
        score = Arrays.copyOf(score, n);
        line = Arrays.copyOf(line, n);
      }
      video[size] = v;
      label[size] = l;
      score[size] = s;
      line[size] = ln;
      size++;
    }
  }
}
