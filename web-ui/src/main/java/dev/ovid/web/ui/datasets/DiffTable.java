package dev.ovid.web.ui.datasets;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import dev.ovid.registry.dataset.manifest.DatasetDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What changed between two dataset versions as one table: a row per video or label added, removed
 * or changed, with counts in the heading.
 */
final class DiffTable {
  record Change(String what, String change, String id) {}

  private DiffTable() {}

  static Component of(String dataset, int from, int to, DatasetDiff diff) {
    Div box = new Div();
    box.setWidthFull();
    H4 title = new H4(dataset + " v" + from + " → v" + to);
    title.setId("dataset-diff-title");
    Paragraph counts =
        new Paragraph(
            String.format(
                "videos: %d added, %d removed, %d changed · labels: %d added, %d removed",
                diff.videosAdded().size(),
                diff.videosRemoved().size(),
                diff.videosChanged().size(),
                diff.labelsAdded().size(),
                diff.labelsRemoved().size()));
    counts.setId("dataset-diff-counts");
    box.add(title, counts);
    if (diff.isEmpty()) {
      box.add(new Paragraph("The two versions hold the same videos and labels."));
      return box;
    }
    Grid<Change> grid = new Grid<>(Change.class, false);
    grid.setId("dataset-diff-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(Change::what).setHeader("What").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Change::change).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Change::id).setHeader("Video or label").setFlexGrow(1);
    List<Change> rows = rows(diff);
    grid.setItems(rows);
    if (rows.size() <= 15) grid.setAllRowsVisible(true);
    else grid.setHeight("24em");
    box.add(grid);
    return box;
  }

  static List<Change> rows(DatasetDiff diff) {
    List<Change> rows = new ArrayList<>();
    add(rows, "label", "added", diff.labelsAdded());
    add(rows, "label", "removed", diff.labelsRemoved());
    add(rows, "video", "added", diff.videosAdded());
    add(rows, "video", "removed", diff.videosRemoved());
    add(rows, "video", "changed", diff.videosChanged());
    return rows;
  }

  private static void add(List<Change> rows, String what, String change, Set<String> ids) {
    ids.forEach(id -> rows.add(new Change(what, change, id)));
  }
}
