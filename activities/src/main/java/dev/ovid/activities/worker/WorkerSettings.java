package dev.ovid.activities.worker;

import io.smallrye.config.ConfigMapping;
import java.util.Set;

/**
 * What a worker process polls and how much it runs at once. Keys under {@code ovid.worker}; their
 * defaults and documentation are in the worker's application.properties.
 */
@ConfigMapping(prefix = "ovid.worker")
public interface WorkerSettings {
  /** Queue kinds this worker polls: any of workflows, training, cpu, inference. */
  Set<QueueKind> queues();

  /** Training activities run at once by this worker (the training queue's slots). */
  int trainingConcurrency();

  /** Curation, expansion, evaluation, tracking and registration activities run at once. */
  int cpuConcurrency();

  /** Inference activities run at once. */
  int inferenceConcurrency();

  /** Workflow tasks (short, deterministic decisions) run at once. */
  int workflowTaskConcurrency();

  /** Local cache of downloaded videos (by sha256) and generated backbones. */
  String cacheDir();

  enum QueueKind {
    WORKFLOWS,
    TRAINING,
    CPU,
    INFERENCE
  }
}
