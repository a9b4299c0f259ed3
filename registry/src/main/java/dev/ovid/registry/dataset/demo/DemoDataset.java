package dev.ovid.registry.dataset.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The small dataset that ships with Ovid: 48 short videos, one per (colour, shape, motion), each
 * labelled with all three concepts. Every fourth clip is held out for evaluation. It exists so the
 * whole pipeline runs anywhere in minutes on CPU; it is generated, not downloaded.
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
    for (String motion : MOTIONS) {
      for (String shape : SHAPES) {
        for (String color : COLORS) {
          String split = i % 4 == 3 ? "eval" : "train";
          clips.add(new DemoClip(String.format("demo-%02d", i), color, shape, motion, split));
          i++;
        }
      }
    }
    return clips;
  }

  /** The demo vocabulary: every label some clip carries. */
  public static List<String> labels() {
    List<String> labels = new ArrayList<>(COLORS);
    labels.addAll(SHAPES);
    MOTIONS.forEach(m -> labels.add("moving " + m));
    return labels;
  }
}
