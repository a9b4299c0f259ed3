package dev.ovid.model.shapes;

import java.util.List;

/**
 * One generated video of {@link ShapesWorld}: a {@code colour} {@code shape} moving {@code motion}.
 *
 * @param size side of the shape as a fraction of the frame
 * @param across position across the motion, fraction of the free room
 * @param start where along the motion's axis the path starts, fraction of the free room
 * @param travel distance covered over the clip, fraction of the frame
 * @param background grey level of the background
 * @param noiseSeed seeds the per-pixel noise
 */
public record ShapesClip(
    String id,
    String colour,
    String shape,
    String motion,
    double size,
    double across,
    double start,
    double travel,
    int background,
    long noiseSeed) {

  public String entityLabel() {
    return ShapesWorld.entityLabel(colour, shape);
  }

  public String actionLabel() {
    return ShapesWorld.actionLabel(motion);
  }

  /** This clip as {@code id} moving {@code motion} instead: same shape, path and noise. */
  public ShapesClip moving(String id, String motion) {
    return new ShapesClip(
        id, colour, shape, motion, size, across, start, travel, background, noiseSeed);
  }

  /** Entity label, then action label. */
  public List<String> labels() {
    return List.of(entityLabel(), actionLabel());
  }
}
