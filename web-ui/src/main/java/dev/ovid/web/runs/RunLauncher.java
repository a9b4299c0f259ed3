package dev.ovid.web.runs;

import dev.ovid.activities.curation.DatasetCatalog;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.temporal.TemporalConnection;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.PipelineProgress;
import dev.ovid.workflows.pipeline.PipelineRequest;
import dev.ovid.workflows.pipeline.TrainingPipelineWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Launches pipeline runs: validates everything first so a bad request creates nothing, then records
 * the run and starts its durable workflow.
 */
@ApplicationScoped
public class RunLauncher {
  private static final Logger LOG = Logger.getLogger(RunLauncher.class);

  @Inject RunRegistry runs;
  @Inject VocabularyService vocabularies;
  @Inject TemporalConnection temporal;
  @Inject DatasetCatalog catalog;

  public TrainingRun launch(LaunchRequest request, String user) {
    if (temporal.settings().workerOnly()) {
      throw new ServiceUnavailableException(
          "this Ovid process is a worker only (ovid.temporal.worker-only=true): launch runs from"
              + " the main application",
          null);
    }
    if (request == null) throw new ValidationException("a launch request is required");
    Hyperparameters hp =
        request.hyperparameters() == null ? Hyperparameters.defaults() : request.hyperparameters();
    List<String> problems = hp.problems();
    if (!problems.isEmpty()) {
      throw new ValidationException("invalid hyperparameters: " + String.join("; ", problems));
    }
    String dataset = ValidationException.requireText("datasetName", request.datasetName());
    if (!catalog.knows(dataset)) {
      throw new NotFoundException(
          "dataset '" + dataset + "' not found; known datasets: " + catalog.names());
    }
    Vocabulary vocabulary = vocabularies.get(request.vocabularyId());
    if (vocabularies.labels(vocabulary.name).isEmpty()) {
      throw new ValidationException("vocabulary '" + vocabulary.name + "' has no labels");
    }
    String down = temporal.problem();
    if (down != null) {
      throw new ServiceUnavailableException("Temporal is not reachable: " + down, null);
    }

    TrainingRun run =
        runs.create(new NewRun(dataset, null, vocabulary.name, hp.asMap(), null), user);
    String workflowId = "ovid-run-" + run.id;
    try {
      TrainingPipelineWorkflow workflow =
          temporal
              .client()
              .newWorkflowStub(
                  TrainingPipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue(temporal.settings().taskQueue())
                      .build());
      WorkflowClient.start(
          workflow::run,
          new PipelineRequest(run.id, dataset, vocabulary.id, hp, request.syntheticLabeler()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "could not start workflow %s", workflowId);
      runs.updateStatus(
          run.id, RunStatus.FAILED, "could not start workflow: " + e.getMessage(), user);
      throw new ServiceUnavailableException("could not start the pipeline: " + e.getMessage(), e);
    }
    return runs.attachWorkflow(run.id, workflowId, user);
  }

  /**
   * The workflow's own view of its progress; null when it cannot be asked (finished, down). A run
   * whose workflow ended without finishing it (terminated or cancelled from outside Ovid, timed
   * out, or lost with an embedded server) is marked FAILED here, so it does not stay RUNNING.
   */
  public PipelineProgress progress(TrainingRun run) {
    if (run.workflowId == null || run.status.isFinal()) return null;
    TrainingPipelineWorkflow workflow =
        temporal.client().newWorkflowStub(TrainingPipelineWorkflow.class, run.workflowId);
    try {
      WorkflowExecutionStatus status = WorkflowStub.fromTyped(workflow).describe().getStatus();
      if (ENDED_WITHOUT_OVID.contains(status)) {
        reconcile(run.id, "workflow " + run.workflowId + " ended as " + status + " outside Ovid");
        return null;
      }
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? workflow.progress()
          : null;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        reconcile(run.id, "workflow " + run.workflowId + " no longer exists on Temporal");
      }
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static final java.util.Set<WorkflowExecutionStatus> ENDED_WITHOUT_OVID =
      java.util.EnumSet.of(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT);

  private void reconcile(long runId, String reason) {
    if (runs.get(runId).status.isFinal()) return; // the workflow finished it after all
    LOG.warnf("run %d: %s; marking it FAILED", runId, reason);
    runs.updateStatus(runId, RunStatus.FAILED, reason, RECONCILER);
  }

  /** Audit actor for runs whose workflow ended outside Ovid. */
  public static final String RECONCILER = "system:reconciler";

  public List<String> datasetNames() {
    return catalog.names();
  }

  public boolean embeddedTemporal() {
    return temporal.embedded();
  }
}
