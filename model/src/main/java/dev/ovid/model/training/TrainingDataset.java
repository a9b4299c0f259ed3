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

  /**
   * Tells the dataset which videos {@link #get} will read next, in order, so it can decode ahead (a
   * streaming dataset prefetches; an in-memory one ignores it). The trainer calls it at the start
   * of each epoch (and on resume) with the rest of the epoch's order; a later call replaces the
   * plan. Reads that depart from the plan still return the right video.
   */
  default void willRead(int[] indices) {}
}
