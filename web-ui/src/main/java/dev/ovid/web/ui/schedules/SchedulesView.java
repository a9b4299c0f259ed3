package dev.ovid.web.ui.schedules;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.dataset.DatasetCatalog;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.schedule.ScheduleRequest;
import dev.ovid.web.schedule.ScheduleService;
import dev.ovid.web.schedule.ScheduleView;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import dev.ovid.workflows.pipeline.Hyperparameters;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scheduled retraining: the schedules (on Temporal Schedules) with their next times and the runs
 * they started; ml-ops users create, edit, pause, resume, trigger, backfill and delete them.
 */
@Route(value = "schedules", layout = MainLayout.class)
@PageTitle("Schedules | Ovid")
@PermitAll
public class SchedulesView extends VerticalLayout {
  private final ScheduleService schedules;
  private final Grid<ScheduleView> grid = new Grid<>(ScheduleView.class, false);
  private final Paragraph problem = new Paragraph();
  private final boolean mayEdit = CurrentUser.hasRole(Roles.ML_OPS);

  private final TextField name = new TextField("Name");
  private final TextField cron = new TextField("Cron (5 fields)");
  private final TextField interval = new TextField("or interval (ISO-8601)");
  private final TextField timezone = new TextField("Time zone");
  private final ComboBox<String> dataset = new ComboBox<>("Dataset");
  private final ComboBox<String> vocabulary = new ComboBox<>("Vocabulary");
  private final IntegerField epochs = new IntegerField("Epochs");
  private final Select<String> overlap = new Select<>();
  private final TextField catchup = new TextField("Catch-up window");
  private final IntegerField datasetVersion = new IntegerField("Pinned dataset version");
  private final Checkbox registerCandidate = new Checkbox("Register models as candidate", true);

  @Inject
  public SchedulesView(
      ScheduleService schedules, DatasetCatalog catalog, VocabularyService vocabularies) {
    this.schedules = schedules;
    add(new H2("Schedules"));
    add(
        new Paragraph(
            "Retraining on Temporal Schedules: each action curates the dataset's newest contents"
                + " and trains with the vocabulary's current labels. Schedules appear in Temporal's"
                + " UI as ovid-schedule-<name>."));
    problem.setId("schedules-problem");
    add(problem);
    configureGrid();
    add(grid);
    if (mayEdit) {
      dataset.setItems(catalog.names());
      vocabulary.setItems(vocabularies.list().stream().map(v -> v.name).toList());
      add(new H3("Create or edit"), form());
    }
    refresh();
  }

  private void configureGrid() {
    grid.setId("schedules-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(ScheduleView::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(SchedulesView::when).setHeader("When").setAutoWidth(true);
    grid.addColumn(
            s ->
                s.datasetName()
                    + (s.datasetVersion() == null ? "" : "@" + s.datasetVersion() + " (pinned)")
                    + " / "
                    + s.vocabularyName()
                    + (s.registerCandidate() ? "" : " · no candidate"))
        .setHeader("Dataset / vocabulary")
        .setAutoWidth(true);
    grid.addColumn(ScheduleView::overlap).setHeader("Overlap").setAutoWidth(true);
    grid.addColumn(s -> s.paused() ? "paused" : "active").setHeader("State").setAutoWidth(true);
    grid.addColumn(s -> s.nextRuns().isEmpty() ? "-" : s.nextRuns().get(0).toString())
        .setHeader("Next")
        .setAutoWidth(true);
    grid.addColumn(
            s ->
                s.runs().stream()
                    .limit(5)
                    .map(r -> "#" + r.id() + " " + r.status())
                    .collect(Collectors.joining(", ")))
        .setHeader("Runs (newest first)")
        .setAutoWidth(true);
    if (mayEdit) {
      grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
    }
  }

  private HorizontalLayout actions(ScheduleView s) {
    Button toggle =
        new Button(
            s.paused() ? "Resume" : "Pause",
            e ->
                act(
                    () ->
                        s.paused()
                            ? schedules.resume(s.name(), CurrentUser.name())
                            : schedules.pause(s.name(), null, CurrentUser.name())));
    toggle.setId("toggle-" + s.name());
    Button trigger =
        new Button("Run now", e -> act(() -> schedules.trigger(s.name(), CurrentUser.name())));
    trigger.setId("trigger-" + s.name());
    Button edit = new Button("Edit", e -> load(s));
    Button backfill = new Button("Backfill…", e -> BackfillDialog.open(s.name(), this::backfill));
    backfill.setId("backfill-" + s.name());
    Button delete =
        new Button(
            "Delete",
            e ->
                act(
                    () -> {
                      schedules.delete(s.name(), CurrentUser.name());
                      return null;
                    }));
    delete.setId("delete-" + s.name());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(toggle, trigger, edit, backfill, delete);
  }

  private FormLayout form() {
    name.setId("schedule-name");
    cron.setId("schedule-cron");
    cron.setPlaceholder("0 3 * * 1");
    interval.setId("schedule-interval");
    interval.setPlaceholder("PT6H");
    timezone.setPlaceholder("UTC");
    dataset.setId("schedule-dataset");
    vocabulary.setId("schedule-vocabulary");
    epochs.setValue(Hyperparameters.defaults().epochs());
    overlap.setLabel("Overlap");
    overlap.setItems(ScheduleRequest.OVERLAP_POLICIES);
    overlap.setValue("SKIP");
    catchup.setPlaceholder("PT1H");
    datasetVersion.setId("schedule-dataset-version");
    datasetVersion.setPlaceholder("newest");
    datasetVersion.setMin(1);
    datasetVersion.setHelperText("empty: each run takes the dataset's newest contents");
    registerCandidate.setId("schedule-register-candidate");
    Button save = new Button("Create", e -> save(false));
    save.setId("schedule-create");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button update = new Button("Save changes", e -> save(true));
    update.setId("schedule-update");
    return new FormLayout(
        name,
        cron,
        interval,
        timezone,
        dataset,
        datasetVersion,
        vocabulary,
        registerCandidate,
        epochs,
        overlap,
        catchup,
        save,
        update);
  }

  private void load(ScheduleView s) {
    name.setValue(s.name());
    cron.setValue(s.cron().isEmpty() ? "" : s.cron().get(0));
    interval.setValue(s.intervals().isEmpty() ? "" : s.intervals().get(0));
    timezone.setValue(s.timezone() == null ? "" : s.timezone());
    dataset.setValue(s.datasetName());
    datasetVersion.setValue(s.datasetVersion());
    registerCandidate.setValue(s.registerCandidate());
    vocabulary.setValue(s.vocabularyName());
    if (s.hyperparameters() != null) epochs.setValue(s.hyperparameters().epochs());
    overlap.setValue(s.overlap());
    catchup.setValue(s.catchupWindow() == null ? "" : s.catchupWindow());
  }

  private void save(boolean existing) {
    Hyperparameters d = Hyperparameters.defaults();
    Hyperparameters hp =
        new Hyperparameters(
            epochs.getValue() == null ? d.epochs() : epochs.getValue(),
            d.batchSize(),
            d.learningRate(),
            d.temperature(),
            d.negativeWeight(),
            d.swrLambda(),
            d.temporalLayers(),
            d.checkpointEverySteps(),
            d.seed());
    var request =
        new ScheduleRequest(
            name.getValue().trim(),
            cron.getValue(),
            timezone.getValue(),
            interval.getValue(),
            dataset.getValue(),
            vocabulary.getValue(),
            hp,
            overlap.getValue(),
            catchup.getValue(),
            null,
            null,
            datasetVersion.getValue(),
            registerCandidate.getValue());
    act(
        () ->
            existing
                ? schedules.update(request.name(), request, CurrentUser.name())
                : schedules.create(request, CurrentUser.name()));
  }

  private void backfill(String schedule, java.time.Instant from, java.time.Instant to) {
    act(() -> schedules.backfill(schedule, from, to, CurrentUser.name()));
  }

  private void act(java.util.function.Supplier<Object> action) {
    try {
      action.get();
      Notifications.success("Done");
    } catch (RuntimeException e) {
      Notifications.error(e.getMessage());
    }
    refresh();
  }

  private void refresh() {
    try {
      List<ScheduleView> all = schedules.list();
      grid.setItems(all);
      problem.setText(all.isEmpty() ? "No schedules yet." : "");
    } catch (RuntimeException e) {
      grid.setItems(List.of());
      problem.setText("Schedules unavailable: " + e.getMessage());
    }
  }

  private static String when(ScheduleView s) {
    String tz = s.timezone() == null || s.timezone().isBlank() ? "" : " (" + s.timezone() + ")";
    if (!s.cron().isEmpty()) return "cron " + s.cron().get(0) + tz;
    if (!s.intervals().isEmpty()) return "every " + s.intervals().get(0);
    return String.join("; ", s.calendars()) + tz;
  }
}
