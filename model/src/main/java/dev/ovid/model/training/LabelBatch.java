package dev.ovid.model.training;

import java.util.Arrays;

/**
 * The classes one batch is scored against: {@code classes} lists vocabulary indices, P_B (the union
 * of the videos' positives, ascending) first and then the sampled N_B; {@code positive[v][c]} says
 * whether {@code classes[c]} is a positive of video v. Every other class of the batch is a negative
 * of v: N(v) = (P_B ∪ N_B) \ P(v).
 */
public record LabelBatch(int[] classes, int positiveCount, boolean[][] positive) {

  public int videos() {
    return positive.length;
  }

  /** Vocabulary indices that are negatives of video {@code video}. */
  public int[] negatives(int video) {
    return java.util.stream.IntStream.range(0, classes.length)
        .filter(c -> !positive[video][c])
        .map(c -> classes[c])
        .toArray();
  }

  /** Targets [B × C] as a row-major float array (1 positive, 0 negative). */
  public float[] targets() {
    float[] t = new float[videos() * classes.length];
    for (int v = 0; v < videos(); v++) {
      for (int c = 0; c < classes.length; c++) {
        t[v * classes.length + c] = positive[v][c] ? 1f : 0f;
      }
    }
    return t;
  }

  @Override
  public String toString() {
    return "LabelBatch" + Arrays.toString(classes) + " positives=" + positiveCount;
  }
}
