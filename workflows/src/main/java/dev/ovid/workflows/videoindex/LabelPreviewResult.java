package dev.ovid.workflows.videoindex;

import java.util.List;

/**
 * How a label would do on an indexed dataset: its best videos, the histogram of every video's score
 * ({@code histogram[i]} counts scores in [i/bins, (i+1)/bins), the last bin closed) and how many
 * videos pass the model's calibrated threshold.
 */
public record LabelPreviewResult(
    String label,
    double threshold,
    int videoCount,
    int passing,
    List<PreviewVideo> top,
    List<Integer> histogram) {}
