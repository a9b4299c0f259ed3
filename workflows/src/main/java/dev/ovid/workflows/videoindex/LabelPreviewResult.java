package dev.ovid.workflows.videoindex;

import java.util.ArrayList;
import java.util.List;

/**
 * How a label would do on an indexed dataset: its best videos, the histogram of every video's score
 * and how many videos pass the model's calibrated threshold.
 *
 * @param histogram {@code histogram[i]} counts the scores in [binEdges[i], binEdges[i + 1]), the
 *     last bin closed
 * @param binEdges the bins' edges as probabilities, one more than the bins: equal steps of log-odds
 *     over the scores and the threshold ({@link dev.ovid.workflows.classification.LogOddsSpan}), so
 *     scores crowded next to 1 spread over the bins; null in results from before it existed, whose
 *     bins were equal steps over [0, 1] (see {@link #edges()})
 */
public record LabelPreviewResult(
    String label,
    double threshold,
    int videoCount,
    int passing,
    List<PreviewVideo> top,
    List<Integer> histogram,
    List<Double> binEdges) {

  /** The bins' edges: {@link #binEdges()}, or equal steps over [0, 1] for an older result. */
  public List<Double> edges() {
    if (binEdges != null) return binEdges;
    int n = histogram == null ? 0 : histogram.size();
    List<Double> out = new ArrayList<>(n + 1);
    for (int i = 0; i <= n; i++) out.add((double) i / Math.max(1, n));
    return out;
  }
}
