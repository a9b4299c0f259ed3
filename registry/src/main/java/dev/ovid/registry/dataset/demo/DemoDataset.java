package dev.ovid.registry.dataset.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The small dataset that ships with Ovid: a small version of the shapes benchmark (the worker's
 * {@code dev.ovid.model.shapes.ShapesWorld}, which renders the videos). 48 short videos, one per
 * (colour, shape, motion) over 4 colours × 3 shapes × 4 motions, each labelled with its entity
 * ("red circle") and its action ("moving left"): 16 labels, 2 per clip. A quarter is held out for
 * evaluation along a Latin square, so every entity and every motion is both trained on and
 * evaluated. It exists so the whole pipeline runs anywhere in minutes on CPU; it is generated, not
 * downloaded.
 */
public final class DemoDataset {
  public static final String NAME = "demo";
  public static final String VOCABULARY = "demo-shapes";
  static final List<String> COLORS = List.of("red", "green", "blue", "yellow");
  static final List<String> SHAPES = List.of("square", "circle", "triangle");
  static final List<String> MOTIONS = List.of("left", "right", "up", "down");

  private DemoDataset() {}

  public static List<DemoClip> clips() {
    List<DemoClip> clips = new ArrayList<>();
    int i = 0;
    int entity = 0;
    for (String color : COLORS) {
      for (String shape : SHAPES) {
        for (int m = 0; m < MOTIONS.size(); m++) {
          String split = (entity + m) % MOTIONS.size() == MOTIONS.size() - 1 ? "eval" : "train";
          clips.add(
              new DemoClip(String.format("demo-%02d", i), color, shape, MOTIONS.get(m), split));
          i++;
        }
        entity++;
      }
    }
    return clips;
  }

  /** The entity labels ("red square"), colour-major. */
  public static List<String> entityLabels() {
    List<String> labels = new ArrayList<>();
    for (String color : COLORS) {
      for (String shape : SHAPES) {
        labels.add(color + " " + shape);
      }
    }
    return labels;
  }

  /** The action labels ("moving left"). */
  public static List<String> actionLabels() {
    return MOTIONS.stream().map(m -> "moving " + m).toList();
  }

  /** The demo vocabulary: entity labels, then action labels (every label some clip carries). */
  public static List<String> labels() {
    List<String> labels = new ArrayList<>(entityLabels());
    labels.addAll(actionLabels());
    return labels;
  }

  /** Chance AUPR of a model that ranks at random: the mean fraction of labels per clip. */
  public static double chanceAupr() {
    return 2.0 / labels().size();
  }
}
