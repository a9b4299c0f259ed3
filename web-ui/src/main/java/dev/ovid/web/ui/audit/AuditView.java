package dev.ovid.web.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.common.Json;
import dev.ovid.web.audit.AuditSearch;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.components.DateTimes;
import dev.ovid.web.ui.components.KeyValueTable;
import dev.ovid.web.ui.components.WideOpen;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The append-only audit log: who changed what, when. Filter by actor, action, entity and time;
 * click a row for its full detail; export what the filters show as CSV.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Ovid")
@RolesAllowed({Roles.AUDITOR, Roles.ML_OPS})
public class AuditView extends VerticalLayout {
  private final AuditSearch search;
  private final TextField actor = new TextField("Actor");
  private final ComboBox<String> action = new ComboBox<>("Action");
  private final ComboBox<String> entityType = new ComboBox<>("Entity type");
  private final TextField entityId = new TextField("Entity id");
  private final DateTimePicker from = new DateTimePicker("From");
  private final DateTimePicker to = new DateTimePicker("Until");
  private final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
  private final Span count = new Span();

  @Inject
  public AuditView(AuditSearch search) {
    this.search = search;
    setWidthFull();
    actor.setId("audit-actor");
    action.setId("audit-action");
    entityType.setId("audit-entity-type");
    entityId.setId("audit-entity-id");
    from.setId("audit-from");
    to.setId("audit-to");
    action.setItems(search.actions());
    entityType.setItems(search.entityTypes());
    for (TextField field : new TextField[] {actor, entityId}) {
      field.setClearButtonVisible(true);
      field.setValueChangeMode(ValueChangeMode.LAZY);
      field.addValueChangeListener(e -> refresh());
    }
    for (ComboBox<String> box : java.util.List.of(action, entityType)) {
      box.setClearButtonVisible(true);
      box.addValueChangeListener(e -> refresh());
    }
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());
    Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create(), e -> clear());
    clear.setId("audit-clear");
    Anchor export = new Anchor(csv(), AttachmentType.DOWNLOAD, "");
    export.setId("audit-export");
    export.add(new Button("Export CSV", VaadinIcon.DOWNLOAD.create()));
    HorizontalLayout filters =
        new HorizontalLayout(actor, action, entityType, entityId, from, to, clear, export);
    filters.setId("audit-filters");
    filters.setWrap(true);
    filters.setAlignItems(Alignment.BASELINE);
    count.setId("audit-count");

    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setWidthFull();
    grid.setHeight("calc(100vh - 12em)");
    grid.setMinHeight("20em");
    grid.addColumn(e -> e.id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> DateTimes.format(e.at)).setHeader("At").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> e.actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> e.action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> e.entityType + " " + e.entityId)
        .setHeader("Entity")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(e -> e.detailJson).setHeader("Detail (click a row)").setFlexGrow(1);
    grid.getColumns().forEach(column -> column.setResizable(true));
    grid.setItems(
        q -> search.page(filter(), q.getOffset(), q.getLimit()).stream(),
        q -> (int) Math.min(Integer.MAX_VALUE, search.count(filter())));
    grid.addItemClickListener(e -> detail(e.getItem()));
    add(new H2("Audit log"), WideOpen.of("audit-filter-section", "Filters", filters), count, grid);
    showCount();
  }

  AuditSearch.Filter filter() {
    return new AuditSearch.Filter(
        actor.getValue(),
        action.getValue(),
        entityType.getValue(),
        entityId.getValue(),
        instant(from.getValue()),
        instant(to.getValue()));
  }

  private static Instant instant(LocalDateTime local) {
    return local == null ? null : local.atZone(DateTimes.zone()).toInstant();
  }

  private void refresh() {
    grid.getDataProvider().refreshAll();
    showCount();
  }

  private void showCount() {
    count.setText(search.count(filter()) + " events");
  }

  private void clear() {
    actor.clear();
    action.clear();
    entityType.clear();
    entityId.clear();
    from.clear();
    to.clear();
  }

  /** The full event in a dialog: every field, the detail as a table and as raw JSON. */
  private void detail(AuditEvent e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", e.id);
    fields.put("at", DateTimes.format(e.at));
    fields.put("actor", e.actor);
    fields.put("action", e.action);
    fields.put("entity", e.entityType + " " + e.entityId);
    Map<String, Object> detail;
    try {
      detail = Json.readObject(e.detailJson, "detail of audit event " + e.id);
    } catch (RuntimeException ex) {
      detail = Map.of("raw", String.valueOf(e.detailJson));
    }
    fields.put("detail", detail);
    KeyValueTable table = new KeyValueTable(fields);
    table.setId("audit-detail-table");
    Dialog dialog = new Dialog();
    dialog.setId("audit-detail");
    dialog.setHeaderTitle("Audit event #" + e.id);
    dialog.add(table);
    dialog.setWidth("min(90vw, 60em)");
    Button close = new Button("Close", x -> dialog.close());
    close.setId("audit-detail-close");
    dialog.getFooter().add(close);
    dialog.open();
  }

  /** The events the filters select (as they are when the download starts), as CSV. */
  private DownloadHandler csv() {
    return DownloadHandler.fromInputStream(
        event -> {
          byte[] bytes =
              AuditCsv.of(search.page(filter(), 0, AuditSearch.MAX_EXPORT))
                  .getBytes(StandardCharsets.UTF_8);
          return new DownloadResponse(
              new ByteArrayInputStream(bytes), "ovid-audit.csv", "text/csv", bytes.length);
        });
  }
}
