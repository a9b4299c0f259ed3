package dev.ovid.activities.ingestion.tfrecord;

/** A video-level YouTube-8M record ({@code tf.Example}): mean RGB and audio features. */
public record VideoLevelExample(String id, int[] labels, float[] meanRgb, float[] meanAudio)
    implements LabeledVideo<VideoLevelExample> {

  @Override
  public VideoLevelExample withLabels(int[] newLabels) {
    return new VideoLevelExample(id, newLabels, meanRgb, meanAudio);
  }
}
