package dev.ovid.web.benchmarks;

import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.workflows.benchmark.BenchmarkEvaluationWorkflow;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import dev.ovid.workflows.benchmark.BenchmarkSuiteRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** Starts benchmark suite evaluations: validates, records the row, starts the workflow. */
@ApplicationScoped
public class BenchmarkLauncher {
  private static final Logger LOG = Logger.getLogger(BenchmarkLauncher.class);

  @Inject BenchmarkRegistry benchmarks;
  @Inject TemporalConnection temporal;

  public BenchmarkEvaluation launch(long modelVersionId, List<BenchmarkSpec> suite, String user) {
    benchmarks.validate(modelVersionId, suite);
    String down = temporal.problem();
    if (down != null) {
      throw new ServiceUnavailableException("Temporal is not reachable: " + down, null);
    }
    BenchmarkEvaluation row = benchmarks.create(modelVersionId, suite, null, user);
    String workflowId = "ovid-benchmark-" + row.id;
    try {
      BenchmarkEvaluationWorkflow workflow =
          temporal
              .client()
              .newWorkflowStub(
                  BenchmarkEvaluationWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue(temporal.settings().queues().workflows())
                      .build());
      WorkflowClient.start(
          workflow::evaluate, new BenchmarkSuiteRequest(row.id, modelVersionId, suite));
    } catch (RuntimeException e) {
      LOG.errorf(e, "could not start workflow %s", workflowId);
      benchmarks.fail(row.id, "could not start workflow: " + e.getMessage(), user);
      throw new ServiceUnavailableException("could not start the evaluation: " + e.getMessage(), e);
    }
    benchmarks.setWorkflow(row.id, workflowId);
    return benchmarks.get(row.id);
  }
}
