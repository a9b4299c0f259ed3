package dev.ovid.registry.dataset.demo;

import java.util.List;

/**
 * One generated demo video: a {@code color} {@code shape} moving {@code motion}, labelled as in the
 * shapes benchmark with an entity label ("red circle") and an action label ("moving left").
 */
public record DemoClip(String id, String color, String shape, String motion, String split) {
  /** "red circle". */
  public String entityLabel() {
    return color + " " + shape;
  }

  /** "moving left". */
  public String actionLabel() {
    return "moving " + motion;
  }

  /** Entity label, then action label. */
  public List<String> labels() {
    return List.of(entityLabel(), actionLabel());
  }
}
