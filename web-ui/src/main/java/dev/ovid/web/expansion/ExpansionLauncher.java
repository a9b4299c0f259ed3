package dev.ovid.web.expansion;

import dev.ovid.registry.common.Echo;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.expansion.ExpandVocabularyRequest;
import dev.ovid.workflows.expansion.ExpansionProgress;
import dev.ovid.workflows.expansion.ExpansionWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts expansion workflows, one per (model version, vocabulary version): its id is derived from
 * the pair, so asking twice while one runs (or after one succeeded) starts nothing new.
 */
@ApplicationScoped
public class ExpansionLauncher {
  @Inject TemporalConnection temporal;

  /** Starts the expansion unless it already ran or runs; returns its workflow id. */
  public String start(long modelVersionId, long vocabularyVersionId, String actor) {
    ExpandVocabularyRequest request =
        new ExpandVocabularyRequest(modelVersionId, vocabularyVersionId, actor);
    ExpansionWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                ExpansionWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(request.workflowId(temporal.settings().queues().base()))
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowIdReusePolicy(
                        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                    .build());
    try {
      WorkflowClient.start(workflow::expand, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Running or done already: the same inputs give the same embeddings.
    }
    return request.workflowId(temporal.settings().queues().base());
  }

  /** The progress an expansion reports (its query). */
  public ExpansionProgress progress(String workflowId) {
    try {
      return temporal.client().newWorkflowStub(ExpansionWorkflow.class, workflowId).progress();
    } catch (WorkflowNotFoundException | WorkflowQueryException e) {
      // Unknown, or another kind of workflow (a run, an index build) with no expansion progress.
      throw new NotFoundException("no expansion " + Echo.quote(workflowId));
    }
  }
}
