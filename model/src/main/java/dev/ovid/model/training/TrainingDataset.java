package dev.ovid.model.training;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** What the trainer reads: videos with positive label indices into a fixed vocabulary. */
public interface TrainingDataset {
  /** Number of videos. */
  int size();

  /** Label names; positives are indices into this list. */
  List<String> vocabulary();

  /**
   * Loads video {@code index}; its frames must be created in {@code manager} (the trainer frees
   * them after the step).
   */
  VideoExample get(int index, NDManager manager);
}
