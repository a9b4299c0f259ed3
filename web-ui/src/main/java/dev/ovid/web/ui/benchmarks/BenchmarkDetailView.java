package dev.ovid.web.ui.benchmarks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.benchmark.BenchmarkResult;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.web.benchmarks.PrCurveSvg;
import dev.ovid.web.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One suite evaluation: every benchmark's metrics and its precision-recall curve. */
@Route(value = "benchmarks/:id(\\d+)", layout = MainLayout.class)
@PageTitle("Benchmark evaluation | Ovid")
@PermitAll
public class BenchmarkDetailView extends VerticalLayout implements BeforeEnterObserver {
  private final BenchmarkRegistry benchmarks;

  @Inject
  public BenchmarkDetailView(BenchmarkRegistry benchmarks) {
    this.benchmarks = benchmarks;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    long id = event.getRouteParameters().getLong("id").orElse(-1L);
    BenchmarkEvaluation e;
    try {
      e = benchmarks.get(id);
    } catch (NotFoundException missing) {
      add(new H2("Benchmark evaluation " + id), new Paragraph(missing.getMessage()));
      return;
    }
    List<BenchmarkResult> results = benchmarks.results(id);
    add(
        new H2(
            "Benchmark evaluation "
                + id
                + ": "
                + e.modelVersion.modelName
                + " v"
                + e.modelVersion.version),
        new Paragraph(
            "Status "
                + e.status
                + (e.message == null ? "" : " (" + e.message + ")")
                + ". Calibrated threshold "
                + (e.calibratedThreshold == null ? "–" : BenchmarksView.fmt(e.calibratedThreshold))
                + ", minimum calibration F1 "
                + (e.calibrationMinF1 == null ? "–" : BenchmarksView.fmt(e.calibrationMinF1))
                + (e.reportUri == null ? "" : ". Report: " + e.reportUri)
                + (e.mlflowRunId == null ? "" : ". MLflow run " + e.mlflowRunId)));
    Grid<BenchmarkResult> grid = new Grid<>();
    grid.setId("benchmark-results");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.setAllRowsVisible(true);
    grid.addColumn(r -> r.name).setHeader("Benchmark").setAutoWidth(true);
    grid.addColumn(r -> r.videos).setHeader("Videos");
    grid.addColumn(r -> r.labels).setHeader("Labels");
    grid.addColumn(r -> BenchmarksView.fmt(r.aupr)).setHeader("AUPR");
    grid.addColumn(r -> BenchmarksView.fmt(r.map)).setHeader("mAP");
    grid.addColumn(
            r ->
                BenchmarksView.fmt(r.peakF1)
                    + (r.peakF1Threshold == null
                        ? ""
                        : " @ " + BenchmarksView.fmt(r.peakF1Threshold)))
        .setHeader("Peak F1 @ threshold")
        .setAutoWidth(true);
    grid.addColumn(r -> BenchmarksView.fmt(r.gap20)).setHeader("GAP@20");
    grid.addColumn(r -> r.f1AtCalibrated == null ? "–" : BenchmarksView.fmt(r.f1AtCalibrated))
        .setHeader("F1 at calibrated threshold")
        .setAutoWidth(true);
    grid.setItems(results);
    FlexLayout curves = new FlexLayout();
    curves.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    for (BenchmarkResult r : results) {
      String svg =
          PrCurveSvg.render(r.prCurveJson, r.name + " (AUPR " + BenchmarksView.fmt(r.aupr) + ")");
      Image image =
          new Image(
              "data:image/svg+xml;base64,"
                  + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
              "precision-recall curve of " + r.name);
      image.setId("pr-curve-" + r.position);
      curves.add(image);
    }
    add(grid, curves);
  }
}
