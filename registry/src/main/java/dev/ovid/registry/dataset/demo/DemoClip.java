package dev.ovid.registry.dataset.demo;

import java.util.List;

/** One generated demo video: a coloured shape moving in one direction; its three labels. */
public record DemoClip(String id, String color, String shape, String motion, String split) {
  public List<String> labels() {
    return List.of(color, shape, "moving " + motion);
  }
}
