package dev.ovid.activities.inference;

import dev.ovid.workflows.classification.SimilarLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Cosines between unit label embeddings: each candidate's closest existing label. */
final class LabelSimilarity {
  private LabelSimilarity() {}

  static List<SimilarLabel> closest(
      List<String> candidates,
      float[][] candidateVectors,
      List<String> existing,
      float[][] existingVectors,
      double threshold) {
    List<SimilarLabel> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      int best = -1;
      double bestCos = -2;
      for (int j = 0; j < existing.size(); j++) {
        if (existing.get(j).equalsIgnoreCase(candidates.get(i))) continue;
        double c = cosine(candidateVectors[i], existingVectors[j]);
        if (c > bestCos) {
          bestCos = c;
          best = j;
        }
      }
      if (best >= 0 && bestCos >= threshold) {
        out.add(new SimilarLabel(candidates.get(i), existing.get(best), bestCos));
      }
    }
    out.sort(Comparator.comparingDouble(SimilarLabel::cosine).reversed());
    return out;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
      na += a[k] * a[k];
      nb += b[k] * b[k];
    }
    return dot / Math.sqrt(Math.max(na * nb, 1e-24));
  }
}
