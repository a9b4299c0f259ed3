package dev.ovid.registry.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Is PostgreSQL reachable and answering? Names the JDBC URL and the driver's error. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "ovid.health.timeout-ms")
  long timeoutMs;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database").withData("endpoint", url);
    try (Connection connection = dataSource.getConnection()) {
      int seconds = (int) Math.max(1, (timeoutMs + 999) / 1000);
      return connection.isValid(seconds)
          ? response.up().build()
          : response.down().withData("error", "connection is not valid").build();
    } catch (SQLException | RuntimeException e) {
      return response.down().withData("error", HealthErrors.oneLine(e)).build();
    }
  }
}
