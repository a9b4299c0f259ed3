package dev.ovid.activities.ingestion.tfrecord;

/**
 * A frame-level YouTube-8M record ({@code tf.SequenceExample}) with dequantized per-frame features;
 * {@code framesInRecord} is the count before truncation to the format's maximum.
 */
public record FrameLevelExample(
    String id, int[] labels, float[][] rgb, float[][] audio, int framesInRecord)
    implements LabeledVideo<FrameLevelExample> {

  public int frames() {
    return rgb.length;
  }

  @Override
  public FrameLevelExample withLabels(int[] newLabels) {
    return new FrameLevelExample(id, newLabels, rgb, audio, framesInRecord);
  }
}
