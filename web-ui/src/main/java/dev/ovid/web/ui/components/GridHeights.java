package dev.ovid.web.ui.components;

import com.vaadin.flow.component.grid.Grid;
import java.util.Locale;

/**
 * Sizes a compact grid to its rows, up to a maximum after which it scrolls inside: no fixed 6-row
 * boxes with empty space or hidden rows. Only the bottom edge moves as rows come and go.
 */
public final class GridHeights {
  private GridHeights() {}

  public static void fitRows(Grid<?> grid, int rows, int maxRows) {
    int shown = Math.max(1, Math.min(maxRows, rows));
    grid.setHeight(String.format(Locale.ROOT, "%.1fem", 3.2 + shown * 2.2));
  }
}
