package dev.ovid.registry.health;

import dev.ovid.registry.temporal.TemporalConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Does the Temporal frontend answer? Reports whether it is the embedded, non-durable server, so an
 * operator sees the difference in /q/health too.
 */
@Readiness
@ApplicationScoped
public class TemporalHealthCheck implements HealthCheck {
  @Inject TemporalConnection temporal;

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("temporal")
            .withData("endpoint", temporal.embedded() ? "embedded" : temporal.settings().target())
            .withData("namespace", temporal.settings().namespace())
            .withData("durable", !temporal.embedded());
    String problem;
    try {
      problem = temporal.problem();
    } catch (RuntimeException e) {
      problem = HealthErrors.oneLine(e);
    }
    return problem == null
        ? response.up().build()
        : response.down().withData("error", problem).build();
  }
}
