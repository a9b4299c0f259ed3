package dev.ovid.web.runs;

import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.scheduler.Scheduled;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Settles runs whose workflow ended without finishing them: terminated or cancelled outside Ovid,
 * timed out, or gone (an embedded server that restarted). It runs in the background every {@code
 * ovid.reconciler.interval}, so reading a run never writes; each repair is audited.
 */
@ApplicationScoped
public class RunReconciler {
  /** Audit actor of the repairs. */
  public static final String ACTOR = "system:reconciler";

  private static final Logger LOG = Logger.getLogger(RunReconciler.class);
  private static final Set<WorkflowExecutionStatus> ENDED_WITHOUT_OVID =
      EnumSet.of(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT);

  @Inject RunRegistry runs;
  @Inject TemporalConnection temporal;

  @Scheduled(
      every = "${ovid.reconciler.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    if (temporal.problem() != null) return; // nothing can be learnt while Temporal is down
    reconcileOnce();
  }

  /** Checks every in-flight run once; returns how many it marked FAILED. */
  public int reconcileOnce() {
    int repaired = 0;
    for (TrainingRun run : runs.listInFlight()) {
      String reason = endedWithoutOvid(run);
      if (reason != null && !runs.get(run.id).status.isFinal()) {
        // A workflow cancelled before it could record it (no worker running) is a cancelled run.
        RunStatus status =
            reason.endsWith("WORKFLOW_EXECUTION_STATUS_CANCELED outside Ovid")
                ? RunStatus.CANCELLED
                : RunStatus.FAILED;
        LOG.warnf("run %d: %s; marking it %s", run.id, reason, status);
        runs.updateStatus(run.id, status, reason, ACTOR);
        repaired++;
      }
    }
    return repaired;
  }

  private String endedWithoutOvid(TrainingRun run) {
    try {
      var status = temporal.client().newUntypedWorkflowStub(run.workflowId).describe().getStatus();
      return ENDED_WITHOUT_OVID.contains(status)
          ? "workflow " + run.workflowId + " ended as " + status + " outside Ovid"
          : null;
    } catch (RuntimeException e) {
      if (grpcCode(e) == Status.Code.NOT_FOUND) {
        return "workflow " + run.workflowId + " no longer exists on Temporal";
      }
      LOG.warnf("run %d: cannot describe workflow %s: %s", run.id, run.workflowId, e.getMessage());
      return null;
    }
  }

  private static Status.Code grpcCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) return grpc.getStatus().getCode();
    }
    return null;
  }
}
