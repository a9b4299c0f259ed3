package dev.ovid.web.runs;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.dataset.DatasetCatalog;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Launches pipeline runs: validates everything first so a bad request creates nothing, then records
 * the run and starts its durable workflow.
 */
@ApplicationScoped
public class RunLauncher {
  private static final Logger LOG = Logger.getLogger(RunLauncher.class);

  private static final long QUERY_SECONDS = 3;

  // Queries wait here, not on request threads; a query nobody answers ends with its RPC timeout.
  private static final ExecutorService QUERIES =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "ovid-progress-query");
            t.setDaemon(true);
            return t;
          });

  @Inject RunRegistry runs;
  @Inject VocabularyService vocabularies;
  @Inject TemporalConnection temporal;
  @Inject DatasetCatalog catalog;

  public TrainingRun launch(LaunchRequest request, String user) {
    return launch(request, user, null, null);
  }

  /**
   * Launches a run that resumes training from {@code resumeFromRunId}'s last checkpoint and/or was
   * started by schedule {@code scheduleId} (either may be null).
   */
  public TrainingRun launch(
      LaunchRequest request, String user, Long resumeFromRunId, String scheduleId) {
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
          "dataset "
              + dev.ovid.registry.common.Echo.quote(dataset)
              + " not found; known datasets: "
              + catalog.names());
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
        runs.createForWorkflow(
            new NewRun(dataset, null, vocabulary.name, hp.asMap(), null), workflowPrefix(), user);
    if (resumeFromRunId != null || scheduleId != null) {
      run = runs.setOrigin(run.id, resumeFromRunId, scheduleId, user);
    }
    String workflowId = run.workflowId;
    try {
      TrainingPipelineWorkflow workflow =
          temporal
              .client()
              .newWorkflowStub(
                  TrainingPipelineWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue(temporal.settings().queues().workflows())
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
    return run;
  }

  /**
   * The workflow's own view of its progress, read-only: null when the run is final, has no
   * workflow, or its workflow is no longer running (the {@link RunReconciler} settles those).
   *
   * @throws ServiceUnavailableException when Temporal cannot be asked (down, timing out)
   */
  public PipelineProgress progress(TrainingRun run) {
    if (run.workflowId == null || run.status.isFinal()) return null;
    TrainingPipelineWorkflow workflow =
        temporal.client().newWorkflowStub(TrainingPipelineWorkflow.class, run.workflowId);
    try {
      WorkflowExecutionStatus status = WorkflowStub.fromTyped(workflow).describe().getStatus();
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) return null;
      // A query is answered by a worker; with none polling it would wait, so bound it.
      return CompletableFuture.supplyAsync(workflow::progress, QUERIES)
          .get(QUERY_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new ServiceUnavailableException(
          "workflow "
              + run.workflowId
              + " did not answer in "
              + QUERY_SECONDS
              + " s: is a worker polling "
              + temporal.settings().queues().workflows()
              + "?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("interrupted while asking for progress", e);
    } catch (ExecutionException | RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StatusRuntimeException grpc
            && grpc.getStatus().getCode() == Status.Code.NOT_FOUND) return null;
      }
      throw new ServiceUnavailableException(
          "cannot ask workflow " + run.workflowId + " for its progress: " + e.getMessage(), e);
    }
  }

  /**
   * A run's workflow id is {@code <task queue base>-run-<run id>} ("ovid-run-7" by default): ids
   * are unique per Temporal namespace, and installations (or test runs) sharing one use their own
   * queue base, so their run ids never collide there.
   */
  private String workflowPrefix() {
    return temporal.settings().taskQueue() + "-run-";
  }

  public List<String> datasetNames() {
    return catalog.names();
  }

  public boolean embeddedTemporal() {
    return temporal.embedded();
  }
}
