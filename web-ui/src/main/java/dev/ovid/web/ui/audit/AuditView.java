package dev.ovid.web.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The newest entries of the append-only audit log: who changed what, when. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Ovid")
@RolesAllowed({Roles.AUDITOR, Roles.ML_OPS})
public class AuditView extends VerticalLayout {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Inject
  public AuditView(AuditLog audit) {
    setSizeFull();
    IntegerField limit = new IntegerField("Newest entries");
    limit.setId("audit-limit");
    limit.setValue(500);
    Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    grid.addColumn(e -> e.id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> TIME.format(e.at)).setHeader("At").setAutoWidth(true);
    grid.addColumn(e -> e.actor).setHeader("Actor").setAutoWidth(true);
    grid.addColumn(e -> e.action).setHeader("Action").setAutoWidth(true);
    grid.addColumn(e -> e.entityType + " " + e.entityId).setHeader("Entity").setAutoWidth(true);
    grid.addColumn(e -> e.detailJson).setHeader("Detail").setFlexGrow(1);
    limit.addValueChangeListener(
        e -> grid.setItems(audit.recent(e.getValue() == null ? 500 : Math.max(1, e.getValue()))));
    grid.setItems(audit.recent(limit.getValue()));
    add(new H2("Audit log"), limit, grid);
  }
}
