package dev.ovid.workflows.curation;

import io.temporal.activity.ActivityInterface;

/**
 * Adds machine labels (the paper's synthetic labels) to a dataset version's videos and registers
 * the result as a new version of the same dataset; every added label keeps its provenance.
 */
@ActivityInterface
public interface SyntheticLabelingActivities {
  /**
   * Labels the request's split, heartbeating {@link CurationHeartbeat}; returns the new version (or
   * the existing one, on a retry that produced the same manifest).
   */
  DatasetVersionRef labelDataset(SyntheticLabelingRequest request);
}
