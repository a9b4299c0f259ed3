package dev.ovid.registry.health;

import dev.ovid.registry.tracking.MlflowTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Does the MLflow tracking server answer its /health endpoint? */
@Readiness
@ApplicationScoped
public class MlflowHealthCheck implements HealthCheck {
  @Inject MlflowTracker tracker;

  @Override
  public HealthCheckResponse call() {
    try {
      return ServiceHealthChecks.toResponse("mlflow", tracker.trackingUri(), tracker.health());
    } catch (RuntimeException e) {
      return ServiceHealthChecks.failed("mlflow", tracker.trackingUri(), e);
    }
  }
}
