package dev.ovid.registry.health;

import dev.ovid.registry.common.ServiceHealth;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Turns the registry's probe result into a health response that names endpoint and error. */
final class ServiceHealthChecks {
  private ServiceHealthChecks() {}

  static HealthCheckResponse toResponse(String name, String endpoint, ServiceHealth health) {
    var response = HealthCheckResponse.named(name).withData("endpoint", endpoint);
    return health.up()
        ? response.up().build()
        : response.down().withData("error", oneLine(health.detail())).build();
  }

  static HealthCheckResponse failed(String name, String endpoint, RuntimeException e) {
    return HealthCheckResponse.named(name)
        .withData("endpoint", endpoint)
        .down()
        .withData("error", HealthErrors.oneLine(e))
        .build();
  }

  private static String oneLine(String detail) {
    return detail == null ? "down" : detail.replaceAll("\\s+", " ").trim();
  }
}
