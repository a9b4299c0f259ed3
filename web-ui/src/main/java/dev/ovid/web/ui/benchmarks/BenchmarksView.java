package dev.ovid.web.ui.benchmarks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.ovid.web.benchmarks.Leaderboard;
import dev.ovid.web.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The leaderboard: model versions (rows) against benchmarks (columns); each cell shows AUPR and the
 * F1 at its suite's calibrated threshold and links to that evaluation, with its PR curves.
 */
@Route(value = "benchmarks", layout = MainLayout.class)
@PageTitle("Benchmarks | Ovid")
@PermitAll
public class BenchmarksView extends VerticalLayout {
  @Inject
  public BenchmarksView(Leaderboard leaderboard) {
    setSizeFull();
    Leaderboard.Table table = leaderboard.table();
    Grid<Leaderboard.Row> grid = new Grid<>();
    grid.setId("leaderboard");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addComponentColumn(
            r -> new RouterLink(r.model(), BenchmarkDetailView.class, params(r.evaluationId())))
        .setHeader("Model version")
        .setAutoWidth(true);
    grid.addColumn(r -> r.calibratedThreshold() == null ? "–" : fmt(r.calibratedThreshold()))
        .setHeader("Calibrated threshold")
        .setAutoWidth(true);
    for (String benchmark : table.benchmarks()) {
      grid.addComponentColumn(
              r -> {
                Leaderboard.Cell c = r.cells().get(benchmark);
                if (c == null) {
                  return new Div();
                }
                RouterLink link =
                    new RouterLink(
                        "AUPR "
                            + fmt(c.aupr())
                            + " · F1 "
                            + (c.f1AtCalibrated() == null ? "–" : fmt(c.f1AtCalibrated())),
                        BenchmarkDetailView.class,
                        params(c.evaluationId()));
                link.setId("cell-" + r.modelVersionId() + "-" + c.position());
                return link;
              })
          .setHeader(benchmark)
          .setAutoWidth(true);
    }
    grid.setItems(table.rows());
    add(
        new H2("Benchmarks"),
        new Paragraph(
            "Each model version's latest benchmark suite: AUPR and F1 at the suite's single"
                + " calibrated threshold (the one maximising the minimum calibration F1 across"
                + " the suite). Launch a suite with bin/ovid benchmark run or POST"
                + " /api/benchmarks."),
        table.rows().isEmpty() ? new Paragraph("No benchmark evaluation has finished yet.") : grid);
  }

  static RouteParameters params(long evaluationId) {
    return new RouteParameters("id", String.valueOf(evaluationId));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
