package dev.ovid.workflows.curation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface CurationActivities {
  /** Writes (or finds, if identical content exists) the dataset version for this request. */
  DatasetVersionRef curate(CurationRequest request);
}
