package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.runs.RunSearch;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.UiSettings;
import dev.ovid.web.ui.components.DateTimes;
import dev.ovid.web.ui.components.WideOpen;
import dev.ovid.web.ui.vocabularies.VocabularyRows;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/**
 * All runs with live status and progress, refreshed by polling, and (for ml-ops) the form that
 * launches a new one.
 */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs | Ovid")
@PermitAll
public class RunsView extends VerticalLayout {
  private final RunSearch search;
  private final RunFilterBar filters;
  private final int pollIntervalMs;
  private final Grid<TrainingRun> grid = new Grid<>(TrainingRun.class, false);
  private Registration pollRegistration;
  static final int PAGE_SIZE = 50;

  @Inject
  public RunsView(
      RunLauncher launcher,
      RunSearch search,
      VocabularyService vocabularies,
      VocabularyRows vocabularyRows,
      UiSettings ui) {
    this.search = search;
    this.pollIntervalMs = ui.pollIntervalMs();
    setWidthFull();
    add(new H2("Runs"));
    if (CurrentUser.hasRole(Roles.ML_OPS)) {
      add(
          WideOpen.of(
              "launch-section",
              "New run",
              new LaunchForm(
                  launcher,
                  vocabularies.list(),
                  VocabularyChoiceLabel.forAll(vocabularyRows.list()),
                  run -> refresh())));
    }
    filters = new RunFilterBar(search, this::refresh);
    configureGrid();
    add(filters, grid);
  }

  private void configureGrid() {
    grid.setId("runs-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    // The grid takes the height of the window (the page scrolls past the launch form to it) and
    // loads runs page by page as it scrolls.
    grid.setWidthFull();
    grid.setHeight("calc(100vh - 9em)");
    grid.setMinHeight("20em");
    grid.setPageSize(PAGE_SIZE);
    grid.setItems(
        query -> search.page(filters.filter(), query.getOffset(), query.getLimit()).stream(),
        query -> (int) Math.min(Integer.MAX_VALUE, search.count(filters.filter())));
    grid.addComponentColumn(
            run ->
                new RouterLink(
                    "#" + run.id,
                    RunDetailView.class,
                    new RouteParameters("id", String.valueOf(run.id))))
        .setHeader("Run")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(run -> run.datasetName).setHeader("Dataset").setAutoWidth(true);
    grid.addColumn(run -> run.vocabulary.name + " v" + run.vocabularyVersion)
        .setHeader("Vocabulary")
        .setAutoWidth(true);
    grid.addColumn(run -> run.status.name()).setHeader("Status").setAutoWidth(true);
    grid.addColumn(run -> run.stage == null ? "" : run.stage).setHeader("Stage").setAutoWidth(true);
    grid.addComponentColumn(RunsView::progressBar)
        .setHeader("Progress")
        .setWidth("7em")
        .setFlexGrow(0);
    grid.addColumn(run -> run.lastLoss == null ? "" : String.format("%.4f", run.lastLoss))
        .setHeader("Loss")
        .setAutoWidth(true);
    grid.addColumn(run -> run.launchedBy).setHeader("Launched by").setAutoWidth(true);
    grid.addColumn(run -> DateTimes.format(run.createdAt)).setHeader("Created").setAutoWidth(true);
    // Narrow windows scroll the grid sideways; any column can be widened by hand.
    grid.getColumns().forEach(column -> column.setResizable(true));
    grid.addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            RunDetailView.class,
                            new RouteParameters("id", String.valueOf(click.getItem().id)))));
  }

  static ProgressBar progressBar(TrainingRun run) {
    ProgressBar bar = new ProgressBar(0, 1, Math.max(0, Math.min(1, run.progress)));
    bar.addClassName("run-progress");
    bar.getElement().setAttribute("aria-label", "run " + run.id + " progress");
    return bar;
  }

  private void refresh() {
    grid.getDataProvider().refreshAll();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().setPollInterval(pollIntervalMs);
    pollRegistration = event.getUI().addPollListener(poll -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (pollRegistration != null) {
      pollRegistration.remove();
    }
    event.getUI().setPollInterval(-1);
  }
}
