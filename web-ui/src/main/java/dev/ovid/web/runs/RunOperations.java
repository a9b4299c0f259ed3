package dev.ovid.web.runs;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.run.CheckpointRef;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * What an operator does to a run after launch: cancel it, retry it from its last checkpoint, and
 * see what its workflow is retrying right now (attempt and last failure of pending activities).
 */
@ApplicationScoped
public class RunOperations {
  @Inject RunRegistry runs;
  @Inject RunLauncher launcher;
  @Inject TemporalConnection temporal;
  @Inject AuditLog audit;

  /**
   * Asks the run's workflow to cancel. Training stops at its next step and saves a checkpoint; the
   * workflow then marks the run CANCELLED and its MLflow run KILLED.
   */
  public TrainingRun cancel(long runId, String user) {
    TrainingRun run = runs.get(runId);
    if (run.status.isFinal()) {
      throw new ConflictException("run " + runId + " has already " + run.status);
    }
    if (run.workflowId == null) {
      throw new ConflictException("run " + runId + " has no workflow to cancel");
    }
    try {
      temporal.client().newUntypedWorkflowStub(run.workflowId).cancel();
    } catch (RuntimeException e) {
      throw new ServiceUnavailableException(
          "cannot cancel workflow " + run.workflowId + ": " + e.getMessage(), e);
    }
    audit.record(user, "run.cancel-requested", "run", runId, detail("workflowId", run.workflowId));
    return run;
  }

  /**
   * Starts a new run with the same dataset, vocabulary and hyperparameters whose training resumes
   * from {@code runId}'s last checkpoint. Only for FAILED or CANCELLED runs that wrote one.
   */
  public TrainingRun retryFromCheckpoint(long runId, String user) {
    TrainingRun source = runs.get(runId);
    if (source.status != RunStatus.FAILED && source.status != RunStatus.CANCELLED) {
      throw new ConflictException(
          "run " + runId + " is " + source.status + "; only FAILED or CANCELLED runs are retried");
    }
    CheckpointRef checkpoint =
        runs.latestCheckpoint(runId)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "run " + runId + " wrote no checkpoint; launch a new run instead"));
    Hyperparameters hp =
        Json.mapper().convertValue(runs.hyperparameters(runId), Hyperparameters.class);
    TrainingRun retry =
        launcher.launch(
            new LaunchRequest(source.datasetName, source.vocabulary.id, hp, null),
            user,
            runId,
            null);
    audit.record(
        user,
        "run.retried-from-checkpoint",
        "run",
        runId,
        detail("newRun", retry.id, "checkpointStep", checkpoint.step(), "uri", checkpoint.uri()));
    return retry;
  }

  /** An activity the workflow is running or retrying now. */
  public record PendingActivity(
      String activity,
      String state,
      int attempt,
      int maximumAttempts,
      String lastFailure,
      Instant lastHeartbeat,
      Instant nextAttemptAt) {}

  /**
   * The run's pending activities as Temporal describes them; empty when the run is final or has no
   * workflow.
   *
   * @throws ServiceUnavailableException when Temporal cannot be asked
   */
  public List<PendingActivity> pendingActivities(TrainingRun run) {
    if (run.workflowId == null || run.status.isFinal()) return List.of();
    try {
      var reply =
          temporal
              .stubs()
              .blockingStub()
              .withDeadlineAfter(3, java.util.concurrent.TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.settings().namespace())
                      .setExecution(
                          io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                              .setWorkflowId(run.workflowId))
                      .build());
      return reply.getPendingActivitiesList().stream().map(RunOperations::pending).toList();
    } catch (RuntimeException e) {
      if (e instanceof io.grpc.StatusRuntimeException grpc
          && grpc.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) return List.of();
      throw new ServiceUnavailableException(
          "cannot describe workflow " + run.workflowId + ": " + e.getMessage(), e);
    }
  }

  private static PendingActivity pending(PendingActivityInfo info) {
    String failure = null;
    if (info.hasLastFailure()) {
      var f = info.getLastFailure();
      failure = f.getMessage();
      if (f.hasApplicationFailureInfo() && !f.getApplicationFailureInfo().getType().isBlank()) {
        String type = f.getApplicationFailureInfo().getType();
        failure = type.substring(type.lastIndexOf('.') + 1) + ": " + failure;
      }
    }
    return new PendingActivity(
        info.getActivityType().getName(),
        info.getState().name().replace("PENDING_ACTIVITY_STATE_", ""),
        info.getAttempt(),
        info.getMaximumAttempts(),
        failure,
        info.hasLastHeartbeatTime() ? instant(info.getLastHeartbeatTime()) : null,
        info.hasNextAttemptScheduleTime() ? instant(info.getNextAttemptScheduleTime()) : null);
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
