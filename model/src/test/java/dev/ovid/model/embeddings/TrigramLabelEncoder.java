package dev.ovid.model.embeddings;

import java.util.List;

/**
 * A small, real text encoder for tests: hashed character trigrams of the lower-cased name, so names
 * sharing words get similar embeddings. It stands in for the trained encoder, whose output the
 * database treats the same way.
 */
final class TrigramLabelEncoder implements BatchLabelEncoder {

  private final int dimension;
  int calls;
  int largestBatch;

  TrigramLabelEncoder(int dimension) {
    this.dimension = dimension;
  }

  @Override
  public float[][] encode(List<String> labelNames) {
    calls++;
    largestBatch = Math.max(largestBatch, labelNames.size());
    float[][] out = new float[labelNames.size()][dimension];
    for (int i = 0; i < labelNames.size(); i++) {
      String s = "  " + labelNames.get(i).toLowerCase() + " ";
      for (int k = 0; k + 3 <= s.length(); k++) {
        int h = s.substring(k, k + 3).hashCode();
        out[i][Math.floorMod(h, dimension)] += (h >>> 31) == 0 ? 1f : -1f;
      }
      out[i][Math.floorMod(labelNames.get(i).hashCode() * 31, dimension)] += 0.5f;
    }
    return out;
  }
}
