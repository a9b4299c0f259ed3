package dev.ovid.workflows.classification;

import io.temporal.activity.ActivityInterface;

/** Model work on the inference queue. */
@ActivityInterface
public interface InferenceActivities {
  /**
   * Embeds the video and scores it against the labels; a video that does not decode is bad input.
   */
  ClassificationResult scoreVideo(VideoScoringRequest request);

  /** The near-duplicate guard: candidates close to existing labels, by the label encoder. */
  java.util.List<SimilarLabel> similarLabels(SimilarLabelsRequest request);
}
