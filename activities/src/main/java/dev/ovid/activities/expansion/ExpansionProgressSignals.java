package dev.ovid.activities.expansion;

import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.expansion.ExpansionHeartbeat;
import dev.ovid.workflows.expansion.ExpansionWorkflow;
import io.temporal.activity.ActivityInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Tells an expansion workflow how far its activity is (labels embedded of how many), so its
 * progress query answers in labels, not just "embedding". A workflow cannot read its activity's
 * heartbeats, so the activity signals it, at most about once a second and always at the end. Other
 * workflows that call the same activity (classification) get no signal.
 */
@ApplicationScoped
public class ExpansionProgressSignals {
  private static final Logger LOG = Logger.getLogger(ExpansionProgressSignals.class);
  private static final long EVERY_NANOS = 1_000_000_000L;
  private static final String WORKFLOW_TYPE = ExpansionWorkflow.class.getSimpleName();

  @Inject TemporalConnection temporal;

  private long last;

  public void report(ActivityInfo info, ExpansionHeartbeat progress) {
    if (!WORKFLOW_TYPE.equals(info.getWorkflowType())) return;
    long now = System.nanoTime();
    synchronized (this) {
      if (progress.done() < progress.total() && now - last < EVERY_NANOS) return;
      last = now;
    }
    try {
      temporal
          .client()
          .newWorkflowStub(
              ExpansionWorkflow.class, info.getWorkflowId(), java.util.Optional.of(info.getRunId()))
          .labelsEmbedded(progress);
    } catch (RuntimeException e) {
      // Progress is informational: the expansion itself goes on, and its result says it all.
      LOG.warnf(
          e,
          "could not report expansion progress %d/%d to workflow %s",
          progress.done(),
          progress.total(),
          info.getWorkflowId());
    }
  }
}
