package dev.ovid.activities.curation.synthetic;

import java.awt.image.BufferedImage;
import java.util.List;

/** Proposes extra labels for a video from a fixed vocabulary (the paper's synthetic labels). */
public interface SyntheticLabeler {
  LabelingResult label(String videoId, List<BufferedImage> frames, List<String> vocabulary);
}
