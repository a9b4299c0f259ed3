package dev.ovid.activities.curation.annotations;

import java.util.List;

/**
 * One video (or clip) of a public annotation file: its id (what its file is named under the video
 * root), its positive label names and its split.
 */
public record AnnotatedVideo(String id, List<String> labels, String split) {
  public AnnotatedVideo {
    labels = List.copyOf(labels);
  }
}
