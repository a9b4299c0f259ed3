package dev.ovid.activities.evaluation;

import dev.ovid.model.embeddings.LabelEntry;
import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import java.util.List;
import java.util.Set;

/**
 * Every (video, label) probability of an evaluation turned into the metrics' decision rows; the
 * truth is each entry's human labels.
 */
final class ScoreMatrix {
  private ScoreMatrix() {}

  static MultiLabelDecisions decisions(
      List<ManifestEntry> videos, List<LabelEntry> labels, double[][] probabilities) {
    int n = videos.size() * labels.size();
    double[] scores = new double[n];
    boolean[] positives = new boolean[n];
    int[] video = new int[n];
    int[] label = new int[n];
    int r = 0;
    for (int v = 0; v < videos.size(); v++) {
      Set<String> truth = Set.copyOf(videos.get(v).labels());
      for (int l = 0; l < labels.size(); l++) {
        scores[r] = probabilities[v][l];
        positives[r] = truth.contains(labels.get(l).name());
        video[r] = v;
        label[r] = l;
        r++;
      }
    }
    return MultiLabelDecisions.of(
        scores,
        positives,
        video,
        label,
        videos.stream().map(ManifestEntry::id).toList(),
        labels.stream().map(LabelEntry::name).toList());
  }
}
