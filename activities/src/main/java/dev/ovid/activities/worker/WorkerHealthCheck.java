package dev.ovid.activities.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Is this worker polling, which queues, and with how many slots each. */
@Readiness
@ApplicationScoped
public class WorkerHealthCheck implements HealthCheck {
  @Inject PipelineWorker worker;
  @Inject WorkerSettings settings;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("worker");
    if (worker.problem() != null) response.withData("error", worker.problem());
    return response
        .status(worker.running())
        .withData("queues", String.join(", ", worker.polledQueues()))
        .withData("training-concurrency", settings.trainingConcurrency())
        .withData("cpu-concurrency", settings.cpuConcurrency())
        .withData("inference-concurrency", settings.inferenceConcurrency())
        .build();
  }
}
