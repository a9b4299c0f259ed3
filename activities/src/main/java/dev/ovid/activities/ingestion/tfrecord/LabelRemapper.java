package dev.ovid.activities.ingestion.tfrecord;

import dev.ovid.activities.curation.vocabulary.CuratedVocabulary;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException.Kind;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Maps YouTube-8M label ids (original vocabulary Index) to a curated vocabulary's dense indices.
 * Ids curation removed are dropped and counted; ids the original vocabulary never had are handled
 * by the {@link UnknownLabelPolicy}. Not thread-safe (it counts).
 */
public final class LabelRemapper {
  private final int[] originalToNew; // -1: removed by curation; null: identity
  private final BitSet known;
  private final UnknownLabelPolicy policy;
  private long dropped;
  private long unknown;

  private LabelRemapper(int[] originalToNew, BitSet known, UnknownLabelPolicy policy) {
    this.originalToNew = originalToNew;
    this.known = known;
    this.policy = policy;
  }

  /** Keeps ids as they are (no curated vocabulary; nothing can be checked). */
  public static LabelRemapper identity() {
    return new LabelRemapper(null, null, UnknownLabelPolicy.FAIL);
  }

  public static LabelRemapper to(CuratedVocabulary vocabulary, UnknownLabelPolicy policy) {
    BitSet known = vocabulary.sourceIndices();
    int[] map = new int[Math.max(known.length(), 1)];
    Arrays.fill(map, -1);
    vocabulary.originalToNew().forEach((from, to) -> map[from] = to);
    return new LabelRemapper(map, known, policy);
  }

  /**
   * The new label ids of one video, sorted and without duplicates; empty if none survive.
   *
   * @throws TfRecordFormatException for an unknown id under {@link UnknownLabelPolicy#FAIL}
   */
  public int[] remap(int[] labels, String source, long offset) throws TfRecordFormatException {
    if (originalToNew == null) {
      return labels;
    }
    int[] out = new int[labels.length];
    int n = 0;
    for (int label : labels) {
      if (!known.get(label)) {
        if (policy == UnknownLabelPolicy.FAIL) {
          throw new TfRecordFormatException(
              Kind.UNKNOWN_LABEL,
              source,
              offset,
              "label id " + label + " is not in the vocabulary (" + known.cardinality() + " ids)");
        }
        unknown++;
        continue;
      }
      int to = originalToNew[label];
      if (to < 0) {
        dropped++;
      } else {
        out[n++] = to;
      }
    }
    return Arrays.stream(out, 0, n).sorted().distinct().toArray();
  }

  /** Label occurrences dropped because curation removed them. */
  public long dropped() {
    return dropped;
  }

  /** Label occurrences not in the vocabulary (policy COUNT). */
  public long unknown() {
    return unknown;
  }
}
