package dev.ovid.registry.health;

import dev.ovid.registry.objectstore.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Does MinIO answer, and does Ovid's bucket exist? */
@Readiness
@ApplicationScoped
public class MinioHealthCheck implements HealthCheck {
  @Inject ObjectStore objectStore;

  @Override
  public HealthCheckResponse call() {
    try {
      return ServiceHealthChecks.toResponse(
          "minio",
          objectStore.endpoint() + " bucket " + objectStore.bucket(),
          objectStore.health());
    } catch (RuntimeException e) {
      return ServiceHealthChecks.failed("minio", objectStore.endpoint(), e);
    }
  }
}
