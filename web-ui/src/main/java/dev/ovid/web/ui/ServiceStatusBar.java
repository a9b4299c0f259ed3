package dev.ovid.web.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * One badge per backing service (database, Temporal, MLflow, MinIO): green when its readiness check
 * is up, red with the check's one-line error as tooltip when it is down. Refreshed when a page
 * opens and then every {@value #REFRESH_MS} ms while the page polls.
 */
public class ServiceStatusBar extends HorizontalLayout {
  static final long REFRESH_MS = 15_000;

  private final Supplier<List<HealthCheck>> checks;
  private Registration poll;
  private long refreshedAt;

  public ServiceStatusBar(Supplier<List<HealthCheck>> checks) {
    this.checks = checks;
    setId("service-status");
    setSpacing(true);
    getStyle().set("font-size", "var(--lumo-font-size-s)");
  }

  /** Asks every check now and redraws the badges. */
  public void refresh() {
    removeAll();
    for (HealthCheck check : checks.get()) {
      HealthCheckResponse response;
      try {
        response = check.call();
      } catch (RuntimeException e) {
        response = HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
      }
      boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
      // On small screens only the symbol shows; the name stays in the tooltip.
      Span name = new Span(" " + response.getName());
      name.addClassName("ovid-wide-only");
      Span badge = new Span(new Span(up ? "●" : "✖"), name);
      badge.getElement().setAttribute("title", response.getName() + (up ? " up" : " down"));
      badge.setId("service-" + response.getName());
      badge.getElement().setAttribute("data-status", up ? "up" : "down");
      badge
          .getStyle()
          .set("color", up ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
      response
          .getData()
          .map(d -> d.get("error"))
          .ifPresent(error -> badge.getElement().setAttribute("title", String.valueOf(error)));
      add(badge);
    }
    refreshedAt = System.currentTimeMillis();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    refresh();
    poll =
        event
            .getUI()
            .addPollListener(
                e -> {
                  if (System.currentTimeMillis() - refreshedAt >= REFRESH_MS) refresh();
                });
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) poll.remove();
  }
}
