package dev.ovid.web.ui.datasets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import dev.ovid.web.ui.components.DateTimes;
import dev.ovid.web.ui.components.GridHeights;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;

/**
 * Dataset sources and the versions curated from them: counts, the curation report of a selected
 * version, and a diff between two versions. ML ops register new sources here.
 */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("Datasets | Ovid")
@PermitAll
public class DatasetsView extends VerticalLayout implements BeforeEnterObserver {
  private final DatasetSourceService sources;
  private final DatasetRegistry versions;
  private final DatasetVersionContents contents;
  private final Grid<DatasetSource> sourceGrid = new Grid<>(DatasetSource.class, false);
  private final Grid<DatasetVersion> versionGrid = new Grid<>(DatasetVersion.class, false);
  private final Div report = new Div();
  private final Details reportDetails = new Details("Curation report", report);
  private final ComboBox<String> diffDataset = new ComboBox<>("Dataset");
  private final IntegerField diffFrom = new IntegerField("From version");
  private final IntegerField diffTo = new IntegerField("To version");
  private final Div diffOut = new Div();
  private final TextField versionFilter = new TextField();
  private List<DatasetVersion> allVersions = List.of();

  @Inject
  public DatasetsView(
      DatasetSourceService sources, DatasetRegistry versions, DatasetVersionContents contents) {
    this.sources = sources;
    this.versions = versions;
    this.contents = contents;
    // The page scrolls; grids keep their own heights instead of sharing the viewport.
    setWidthFull();
    add(new H2("Datasets"));
    if (CurrentUser.hasRole(Roles.ML_OPS)) add(new SourceForm(sources, this::refresh));
    add(
        new H3("Sources"),
        sourceGrid(),
        new H3("Versions"),
        versionFilter(),
        versionGrid(),
        reportDetails);
    add(new H3("Compare two versions"), diffPicker(), diffOut);
    report.setId("dataset-report");
    reportDetails.setId("dataset-report-details");
    diffOut.setId("dataset-diff");
    refresh();
  }

  private Grid<DatasetSource> sourceGrid() {
    sourceGrid.setId("source-grid");
    sourceGrid.addColumn(s -> s.name).setHeader("Name").setAutoWidth(true);
    sourceGrid.addColumn(s -> s.kind).setHeader("Kind").setAutoWidth(true);
    sourceGrid.addColumn(s -> s.location).setHeader("Location").setFlexGrow(1);
    sourceGrid.addColumn(s -> s.videoRoot).setHeader("Video root").setFlexGrow(1);
    sourceGrid.addColumn(s -> s.unreadablePolicy).setHeader("Unreadable").setAutoWidth(true);
    sourceGrid.addColumn(s -> s.createdBy).setHeader("By").setAutoWidth(true);
    sourceGrid
        .addColumn(s -> DateTimes.format(s.createdAt))
        .setHeader("Registered")
        .setAutoWidth(true);
    sourceGrid.addThemeVariants(GridVariant.LUMO_COMPACT);

    return sourceGrid;
  }

  private Grid<DatasetVersion> versionGrid() {
    versionGrid.setId("version-grid");
    versionGrid.addColumn(v -> v.datasetName).setHeader("Dataset").setAutoWidth(true);
    versionGrid.addColumn(v -> v.version).setHeader("Version").setAutoWidth(true);
    versionGrid.addColumn(v -> v.videoCount).setHeader("Videos").setAutoWidth(true);
    versionGrid.addColumn(v -> v.labelCount).setHeader("Labels").setAutoWidth(true);
    versionGrid
        .addColumn(v -> v.manifestSha256.substring(0, 12))
        .setHeader("sha256")
        .setAutoWidth(true);
    versionGrid.addColumn(v -> v.sourceDescription).setHeader("Source").setFlexGrow(1);
    versionGrid
        .addColumn(v -> DateTimes.format(v.createdAt))
        .setHeader("Created")
        .setAutoWidth(true);
    versionGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    versionGrid.setMinHeight("6em");
    versionGrid.asSingleSelect().addValueChangeListener(e -> showReport(e.getValue()));
    return versionGrid;
  }

  private TextField versionFilter() {
    versionFilter.setId("version-filter");
    versionFilter.setPlaceholder("Filter by dataset name");
    versionFilter.setClearButtonVisible(true);
    versionFilter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    versionFilter.addValueChangeListener(e -> showVersions());
    return versionFilter;
  }

  private void showVersions() {
    String text = versionFilter.getValue().trim();
    DatasetVersion selected = versionGrid.asSingleSelect().getValue();
    List<DatasetVersion> shown =
        allVersions.stream().filter(v -> text.isEmpty() || v.datasetName.contains(text)).toList();
    versionGrid.setItems(shown);
    GridHeights.fitRows(versionGrid, shown.size(), 12);
    // New items clear the selection; keep the selected version (and its report) if still shown.
    if (selected != null) {
      shown.stream()
          .filter(v -> v.id.equals(selected.id))
          .findFirst()
          .ifPresent(versionGrid::select);
    }
  }

  private HorizontalLayout diffPicker() {
    diffDataset.setId("diff-dataset");
    diffFrom.setId("diff-from");
    diffTo.setId("diff-to");
    diffFrom.setMin(1);
    diffTo.setMin(1);
    Button compare = new Button("Diff", VaadinIcon.EXCHANGE.create(), e -> showDiff());
    compare.setId("diff-button");
    HorizontalLayout picker = new HorizontalLayout(diffDataset, diffFrom, diffTo, compare);
    picker.setAlignItems(Alignment.BASELINE);
    return picker;
  }

  private void refresh() {
    var all = sources.list();
    sourceGrid.setItems(all);
    GridHeights.fitRows(sourceGrid, all.size(), 8);
    allVersions = versions.list();
    showVersions();
    diffDataset.setItems(new TreeSet<>(allVersions.stream().map(v -> v.datasetName).toList()));
  }

  private void showReport(DatasetVersion version) {
    if (version == null) {
      report.removeAll();
      reportDetails.setSummaryText("Curation report");
      return;
    }
    reportDetails.setSummaryText(
        "Curation report of " + version.datasetName + " v" + version.version);
    report.removeAll();
    try {
      report.add(CurationReportView.of(contents.report(version)));
    } catch (OvidException ex) {
      report.add(new Paragraph("could not read the report: " + ex.getMessage()));
    }
    reportDetails.setOpened(true);
    diffDataset.setValue(version.datasetName);
    diffTo.setValue(version.version);
    if (version.version > 1) diffFrom.setValue(version.version - 1);
  }

  private void showDiff() {
    if (diffDataset.getValue() == null
        || diffFrom.getValue() == null
        || diffTo.getValue() == null) {
      Notifications.error("pick a dataset and two versions");
      return;
    }
    try {
      var diff = contents.diff(diffDataset.getValue(), diffFrom.getValue(), diffTo.getValue());
      diffOut.removeAll();
      diffOut.add(
          DiffTable.of(diffDataset.getValue(), diffFrom.getValue(), diffTo.getValue(), diff));
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  /** {@code datasets?dataset=NAME&version=N} (links from a run's lineage) opens that version. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var params = event.getLocation().getQueryParameters();
    var name = params.getSingleParameter("dataset");
    var number = params.getSingleParameter("version");
    if (name.isEmpty()) return;
    versionFilter.setValue(name.get());
    number
        .flatMap(
            n ->
                allVersions.stream()
                    .filter(
                        v ->
                            v.datasetName.equals(name.get()) && String.valueOf(v.version).equals(n))
                    .findFirst())
        .ifPresent(versionGrid::select);
  }
}
