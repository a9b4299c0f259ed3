package dev.ovid.model.training;

import dev.ovid.model.core.CounterRandom;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Batch construction of the objective: P_B = ∪ P(v); N_B is drawn uniformly without replacement
 * from the rest of the training vocabulary so that |P_B ∪ N_B| = k·B (k = 4 in the paper).
 *
 * <p>Edge cases, chosen so that no positive is ever dropped: when |P_B| ≥ k·B no negatives are
 * sampled beyond P_B (the batch then has |P_B| classes, each video's negatives being the other
 * videos' positives); when the vocabulary has fewer than k·B classes the batch uses the whole
 * vocabulary.
 */
public final class LabelBatchSampler {
  private final int vocabularySize;
  private final int classesPerVideo;

  public LabelBatchSampler(int vocabularySize, int classesPerVideo) {
    if (vocabularySize < 1) {
      throw new IllegalArgumentException("vocabulary is empty");
    }
    if (classesPerVideo < 1) {
      throw new IllegalArgumentException("classesPerVideo must be >= 1: " + classesPerVideo);
    }
    this.vocabularySize = vocabularySize;
    this.classesPerVideo = classesPerVideo;
  }

  /** Target batch size in classes for B videos, before the edge cases above. */
  public int targetClasses(int videos) {
    return classesPerVideo * videos;
  }

  public LabelBatch sample(int[][] positives, CounterRandom random) {
    TreeSet<Integer> union = new TreeSet<>();
    for (int v = 0; v < positives.length; v++) {
      for (int label : positives[v]) {
        if (label < 0 || label >= vocabularySize) {
          throw new IllegalArgumentException(
              "video "
                  + v
                  + " of the batch has label index "
                  + label
                  + " outside the vocabulary [0, "
                  + vocabularySize
                  + ")");
        }
        union.add(label);
      }
    }
    int wanted = Math.min(Math.max(targetClasses(positives.length), union.size()), vocabularySize);
    int[] classes = new int[wanted];
    int n = 0;
    for (int label : union) {
      classes[n++] = label;
    }
    int positiveCount = n;
    if (n < wanted) {
      int[] rest = new int[vocabularySize - union.size()];
      int r = 0;
      for (int label = 0; label < vocabularySize; label++) {
        if (!union.contains(label)) {
          rest[r++] = label;
        }
      }
      // partial Fisher-Yates: the first (wanted - n) slots become a uniform sample
      for (int i = 0; n < wanted; i++) {
        int j = i + random.nextInt(rest.length - i);
        int t = rest[i];
        rest[i] = rest[j];
        rest[j] = t;
        classes[n++] = rest[i];
      }
    }
    boolean[][] positive = new boolean[positives.length][wanted];
    for (int v = 0; v < positives.length; v++) {
      for (int label : positives[v]) {
        positive[v][Arrays.binarySearch(classes, 0, positiveCount, label)] = true;
      }
    }
    return new LabelBatch(classes, positiveCount, positive);
  }
}
