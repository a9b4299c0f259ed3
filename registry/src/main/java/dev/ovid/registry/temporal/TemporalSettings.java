package dev.ovid.registry.temporal;

import dev.ovid.workflows.common.TaskQueues;
import io.smallrye.config.ConfigMapping;

/**
 * Where both Ovid processes find Temporal. Keys live under {@code ovid.temporal}; their defaults
 * and documentation are in the registry's META-INF/microprofile-config.properties.
 */
@ConfigMapping(prefix = "ovid.temporal")
public interface TemporalSettings {
  /** Target meaning "the control plane's in-process Java server" (not durable). */
  String EMBEDDED = "embedded";

  /** host:port of the Temporal frontend, or {@value #EMBEDDED}. */
  String target();

  /** Loopback port of the embedded server. */
  int embeddedPort();

  String namespace();

  /** Base name of Ovid's task queues. */
  String taskQueue();

  /** Web UI of the Temporal server, for links to workflows. */
  String uiUrl();

  default boolean embedded() {
    return EMBEDDED.equalsIgnoreCase(target().trim());
  }

  /** The address a client dials: the configured target, or the embedded server's port. */
  default String dialTarget() {
    return embedded() ? "127.0.0.1:" + embeddedPort() : target().trim();
  }

  default TaskQueues queues() {
    return new TaskQueues(taskQueue());
  }
}
