package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.web.runs.RunSearch;

/** Narrows the Runs grid by status, dataset and launcher; typing a part of a name works too. */
final class RunFilterBar extends HorizontalLayout {
  private final Select<RunStatus> status = new Select<>();
  private final ComboBox<String> dataset = new ComboBox<>("Dataset");
  private final ComboBox<String> launcher = new ComboBox<>("Launched by");

  RunFilterBar(RunSearch search, Runnable onChange) {
    setId("run-filters");
    setWrap(true);
    setAlignItems(Alignment.BASELINE);
    status.setLabel("Status");
    status.setId("filter-status");
    status.setItems(RunStatus.values());
    status.setEmptySelectionAllowed(true);
    status.setEmptySelectionCaption("any");
    status.addValueChangeListener(e -> onChange.run());
    dataset.setId("filter-dataset");
    dataset.setItems(search.datasets());
    launcher.setId("filter-launcher");
    launcher.setItems(search.launchers());
    for (ComboBox<String> box : java.util.List.of(dataset, launcher)) {
      box.setClearButtonVisible(true);
      box.setPlaceholder("any");
      box.setAllowCustomValue(true);
      box.addCustomValueSetListener(e -> box.setValue(e.getDetail()));
      box.addValueChangeListener(e -> onChange.run());
    }
    add(status, dataset, launcher);
  }

  RunSearch.Filter filter() {
    return new RunSearch.Filter(status.getValue(), dataset.getValue(), launcher.getValue());
  }
}
