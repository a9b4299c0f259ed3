package dev.ovid.web.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ServiceStatusBarTest {
  @Test
  void showsEachServiceAndTheErrorOfOneThatIsDown() {
    HealthCheck database = () -> HealthCheckResponse.named("database").up().build();
    HealthCheck minio =
        () ->
            HealthCheckResponse.named("minio")
                .down()
                .withData("error", "http://127.0.0.1:62900: Connection refused")
                .build();
    HealthCheck broken =
        () -> {
          throw new IllegalStateException("boom");
        };
    var bar = new ServiceStatusBar(() -> List.of(database, minio, broken));

    bar.refresh();

    List<Component> badges = bar.getChildren().toList();
    assertEquals(3, badges.size());
    assertEquals("up", badges.get(0).getElement().getAttribute("data-status"));
    assertEquals("service-database", badges.get(0).getId().orElseThrow());
    assertEquals("down", badges.get(1).getElement().getAttribute("data-status"));
    assertEquals(
        "http://127.0.0.1:62900: Connection refused",
        badges.get(1).getElement().getAttribute("title"));
    assertEquals("down", badges.get(2).getElement().getAttribute("data-status"));
  }
}
