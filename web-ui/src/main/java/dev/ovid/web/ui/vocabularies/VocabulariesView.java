package dev.ovid.web.ui.vocabularies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.VersionedLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyDiff;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.web.expansion.PublishedVocabularyExpansion;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import dev.ovid.web.ui.components.GridHeights;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Vocabularies and their labels. Everyone logged in browses; product owners create vocabularies and
 * add or remove labels (each change is versioned and audited by {@link VocabularyService}).
 */
@Route(value = "vocabularies", layout = MainLayout.class)
@PageTitle("Vocabularies | Ovid")
@PermitAll
public class VocabulariesView extends HorizontalLayout implements BeforeEnterObserver {
  /** Query parameter that opens one vocabulary ({@code vocabularies?name=kinetics}). */
  public static final String NAME_PARAMETER = "name";

  private final VocabularyService vocabularies;
  private final VocabularyRows rows;
  private final boolean canEdit = CurrentUser.hasRole(Roles.PRODUCT_OWNER);
  private final Grid<VocabularyRows.Row> vocabularyGrid =
      new Grid<>(VocabularyRows.Row.class, false);
  private final Grid<Label> labelGrid = new Grid<>(Label.class, false);
  private final H3 labelsTitle = new H3("Labels");
  private final TextField vocabularySearch = new TextField();
  private final TextField labelSearch = new TextField();
  private final Span labelCount = new Span();
  private final TextField labelName = new TextField();
  private final Button addLabel = new Button("Add label", VaadinIcon.PLUS.create());
  private final VocabularyVersions versions;
  private final PublishedVocabularyExpansion expansion;
  private final Grid<VocabularyVersion> versionGrid = new Grid<>(VocabularyVersion.class, false);
  private final TextField publishComment = new TextField();
  private final Button publish = new Button("Publish", VaadinIcon.CHECK.create());
  private final IntegerField diffFrom = new IntegerField("From version");
  private final IntegerField diffTo = new IntegerField("To version (empty: draft)");
  private final Div diffResult = new Div();
  private final Paragraph nearDuplicateNote = new Paragraph();
  private VocabularyRows.Row selected;

  /** Rows the grids show before they scroll inside. */
  private static final int VOCABULARY_ROWS = 12;

  private static final int LABEL_ROWS = 14;

  @Inject dev.ovid.registry.vocabulary.importing.VocabularyImporter importer;
  @Inject dev.ovid.web.classify.NearDuplicateGuard nearDuplicates;

  private final ExpansionProgressPanel expansionProgress;
  private final LabelPreviewPanel labelPreview;

  @Inject
  public VocabulariesView(
      VocabularyService vocabularies,
      VocabularyVersions versions,
      PublishedVocabularyExpansion expansion,
      dev.ovid.web.expansion.ExpansionLauncher expansions,
      dev.ovid.web.videoindex.VideoIndexService previews,
      dev.ovid.registry.videoindex.VideoIndexes indexes,
      VocabularyRows rows) {
    this.vocabularies = vocabularies;
    this.rows = rows;
    this.versions = versions;
    this.expansion = expansion;
    this.expansionProgress = new ExpansionProgressPanel(expansions);
    this.labelPreview = new LabelPreviewPanel(previews, indexes);
    setSizeFull();
    // Two columns side by side on a wide window, one under the other on a phone.
    getStyle().set("flex-wrap", "wrap");
    add(vocabularyColumn(), labelColumn());
    refreshVocabularies();
    showLabels(null);
  }

  private VerticalLayout vocabularyColumn() {
    VerticalLayout column = new VerticalLayout(new H2("Vocabularies"));
    column.getStyle().set("flex", "1 1 20em").set("min-width", "0");
    if (canEdit) {
      TextField name = new TextField("Name");
      name.setId("vocab-name");
      TextField description = new TextField("Description");
      description.setId("vocab-description");
      name.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
      description.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
      Button create = new Button("Create", VaadinIcon.PLUS.create());
      create.setId("vocab-create-button");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      create.addClickListener(
          e -> {
            try {
              Vocabulary created =
                  vocabularies.create(name.getValue(), description.getValue(), CurrentUser.name());
              Notifications.success("Vocabulary '" + created.name + "' created");
              name.clear();
              description.clear();
              vocabularySearch.clear();
              refreshVocabularies();
              show(created.id);
            } catch (OvidException ex) {
              Notifications.error(ex.getMessage());
            }
          });
      HorizontalLayout form = new HorizontalLayout(name, description, create);
      form.setAlignItems(Alignment.BASELINE);
      column.add(form);
    }
    vocabularySearch.setId("vocab-search");
    vocabularySearch.setPlaceholder("Search vocabularies");
    vocabularySearch.setPrefixComponent(VaadinIcon.SEARCH.create());
    vocabularySearch.setClearButtonVisible(true);
    vocabularySearch.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    vocabularySearch.setWidthFull();
    vocabularySearch.addValueChangeListener(e -> filterVocabularies());
    vocabularyGrid.setId("vocab-grid");
    vocabularyGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    // As tall as its rows (GridHeights), not stretched to the taller label column beside it.
    vocabularyGrid.getStyle().set("flex", "none");
    // Names stay in view however far the grid scrolls sideways.
    vocabularyGrid
        .addColumn(VocabularyRows.Row::name)
        .setHeader("Name")
        .setAutoWidth(true)
        .setFrozen(true)
        .setSortable(true);
    vocabularyGrid
        .addColumn(VocabularyRows.Row::labels)
        .setHeader("Labels")
        .setAutoWidth(true)
        .setSortable(true);
    vocabularyGrid
        .addColumn(VocabulariesView::publishedText)
        .setHeader("Published")
        .setAutoWidth(true);
    vocabularyGrid
        .addColumn(v -> v.description() == null ? "" : v.description())
        .setHeader("Description");
    vocabularyGrid.asSingleSelect().addValueChangeListener(e -> showLabels(e.getValue()));
    column.add(vocabularySearch, vocabularyGrid);
    return column;
  }

  private VerticalLayout labelColumn() {
    VerticalLayout column = new VerticalLayout(labelsTitle);
    column.getStyle().set("flex", "1.3 1 24em").set("min-width", "0");
    if (canEdit) {
      labelName.setId("label-name");
      labelName.setPlaceholder("new label");
      // Sync as the user types: a click on "Add label" must never race the field's change event.
      labelName.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
      addLabel.setId("label-add-button");
      addLabel.addClickListener(e -> addLabel());
      labelName.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> addLabel());
      HorizontalLayout form = new HorizontalLayout(labelName, addLabel);
      nearDuplicateNote.setId("near-duplicates");
      column.add(form, nearDuplicateNote, labelPreview, importForm());
    }
    labelsTitle.setId("labels-title");
    labelSearch.setId("label-search");
    labelSearch.setPlaceholder("Search labels");
    labelSearch.setPrefixComponent(VaadinIcon.SEARCH.create());
    labelSearch.setClearButtonVisible(true);
    labelSearch.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    labelSearch.addValueChangeListener(e -> filterLabels());
    labelCount.setId("labels-count");
    HorizontalLayout search = new HorizontalLayout(labelSearch, labelCount);
    search.setAlignItems(Alignment.BASELINE);
    column.add(search);
    labelGrid.setId("labels-grid");
    labelGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    labelGrid.getStyle().set("flex", "none");
    labelGrid
        .addColumn(l -> l.name)
        .setHeader("Label")
        .setAutoWidth(true)
        .setFrozen(true)
        .setSortable(true);
    labelGrid.addColumn(l -> l.kind).setHeader("Kind").setAutoWidth(true);
    labelGrid.addColumn(l -> l.provenance).setHeader("Provenance").setAutoWidth(true);
    labelGrid
        .addColumn(l -> l.source == null ? "" : l.source)
        .setHeader("Source")
        .setAutoWidth(true);
    if (canEdit) {
      labelGrid
          .addComponentColumn(
              label -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemoval(label));
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                remove.getElement().setAttribute("aria-label", "remove " + label.name);
                remove.addClassName("label-remove-button");
                return remove;
              })
          .setHeader("")
          .setAutoWidth(true);
    }
    column.add(labelGrid);
    if (canEdit) {
      publishComment.setId("publish-comment");
      publishComment.setPlaceholder("what changed (optional)");
      publishComment.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
      publish.setId("publish-button");
      publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      publish.addClickListener(e -> publish());
      column.add(new HorizontalLayout(publishComment, publish), expansionProgress);
    }
    versionGrid.setId("versions-grid");
    versionGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    versionGrid.setAllRowsVisible(true);
    versionGrid.addColumn(v -> "v" + v.version).setHeader("Published").setAutoWidth(true);
    versionGrid.addColumn(v -> v.labelCount).setHeader("Labels").setAutoWidth(true);
    versionGrid.addColumn(v -> v.sha256.substring(0, 12)).setHeader("sha256").setAutoWidth(true);
    versionGrid.addColumn(v -> v.publishedBy).setHeader("By").setAutoWidth(true);
    versionGrid.addColumn(v -> v.comment == null ? "" : v.comment).setHeader("Comment");
    diffFrom.setId("diff-from");
    diffTo.setId("diff-to");
    diffFrom.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    diffTo.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    Button diff = new Button("Diff", VaadinIcon.EXCHANGE.create(), e -> diff());
    diff.setId("diff-button");
    HorizontalLayout diffForm = new HorizontalLayout(diffFrom, diffTo, diff);
    diffForm.setAlignItems(Alignment.BASELINE);
    diffResult.setId("diff-result");
    column.add(new H3("Versions"), versionGrid, diffForm, diffResult);
    return column;
  }

  private com.vaadin.flow.component.Component importForm() {
    var list =
        new com.vaadin.flow.component.combobox.ComboBox<String>(
            "Public list", dev.ovid.registry.vocabulary.importing.PublicLabelLists.names());
    list.setId("import-public-list");
    Button importList =
        new Button(
            "Import list",
            VaadinIcon.DOWNLOAD.create(),
            e -> {
              if (selected == null || list.getValue() == null) {
                Notifications.error("Select a vocabulary and a list");
                return;
              }
              runImport(
                  () ->
                      importer.importPublic(selected.name(), list.getValue(), CurrentUser.name()));
            });
    importList.setId("import-public-button");
    var format =
        new com.vaadin.flow.component.combobox.ComboBox<String>(
            "Format", List.of("auto", "lines", "csv", "json", "kinetics-csv", "label-studio"));
    format.setId("import-format");
    format.setValue("auto");
    var buffer = new com.vaadin.flow.component.upload.receivers.MemoryBuffer();
    var upload = new com.vaadin.flow.component.upload.Upload(buffer);
    upload.setId("import-upload");
    upload.setDropLabel(new com.vaadin.flow.component.html.Span("Import a label file"));
    upload.addSucceededListener(
        e -> {
          if (selected == null) {
            Notifications.error("Select a vocabulary first");
            return;
          }
          try {
            byte[] bytes = buffer.getInputStream().readAllBytes();
            runImport(
                () ->
                    importer.importFile(
                        selected.name(),
                        dev.ovid.registry.vocabulary.importing.ImportFormat.parse(
                            format.getValue()),
                        e.getFileName(),
                        bytes,
                        CurrentUser.name()));
          } catch (java.io.IOException ex) {
            Notifications.error("cannot read " + e.getFileName() + ": " + ex.getMessage());
          }
        });
    HorizontalLayout row = new HorizontalLayout(list, importList, format, upload);
    row.setAlignItems(Alignment.BASELINE);
    return row;
  }

  private void runImport(
      java.util.function.Supplier<dev.ovid.registry.vocabulary.importing.ImportSummary> action) {
    try {
      var s = action.get();
      String text =
          "Imported: "
              + s.added()
              + " added, "
              + s.duplicates()
              + " duplicates, "
              + s.rejected().size()
              + " rejected";
      if (!s.rejected().isEmpty()) {
        var r = s.rejected().get(0);
        text += " (line " + r.line() + " '" + r.value() + "': " + r.reason() + ")";
      }
      Notifications.success(text);
      reselect();
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private void warnNearDuplicates(String label) {
    nearDuplicateNote.setText("");
    try {
      var close = nearDuplicates.check(selected.name(), List.of(label));
      if (!close.isEmpty()) {
        var c = close.get(0);
        nearDuplicateNote.setText(
            String.format("'%s' is close to '%s' (%.2f)", c.label(), c.closeTo(), c.cosine()));
      }
    } catch (RuntimeException ex) {
      // The guard is advice; the label was added either way. Say why it is silent.
      nearDuplicateNote.setText("near-duplicate check unavailable: " + ex.getMessage());
    }
  }

  private void publish() {
    if (selected == null) {
      Notifications.error("Select a vocabulary first");
      return;
    }
    try {
      VocabularyVersion version =
          versions.publish(selected.name(), publishComment.getValue(), CurrentUser.name());
      expansion
          .expandForProduction(version.id, CurrentUser.name())
          .ifPresent(expansionProgress::follow);
      Notifications.success(
          "Published "
              + selected.name()
              + " v"
              + version.version
              + " ("
              + version.labelCount
              + " labels)");
      publishComment.clear();
      reselect();
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private void diff() {
    diffResult.removeAll();
    if (selected == null || diffFrom.getValue() == null) {
      Notifications.error("Select a vocabulary and a version to compare from");
      return;
    }
    try {
      VocabularyDiff d = versions.diff(selected.name(), diffFrom.getValue(), diffTo.getValue());
      String to = d.to() == null ? "draft" : "v" + d.to();
      diffResult.add(
          new Paragraph("v" + d.from() + " → " + to + (d.empty() ? ": no changes" : "")));
      diffResult.add(
          section("diff-added", "Added", d.added().stream().map(VersionedLabel::name).toList()));
      diffResult.add(
          section(
              "diff-removed", "Removed", d.removed().stream().map(VersionedLabel::name).toList()));
      diffResult.add(
          section(
              "diff-changed",
              "Changed",
              d.changed().stream()
                  .map(
                      c ->
                          c.name()
                              + " ("
                              + c.before().kind()
                              + " → "
                              + c.after().kind()
                              + (java.util.Objects.equals(
                                      c.before().description(), c.after().description())
                                  ? ""
                                  : ", description")
                              + (c.before().synonyms().equals(c.after().synonyms())
                                  ? ""
                                  : ", synonyms")
                              + ")")
                  .toList()));
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private static Paragraph section(String id, String title, List<String> names) {
    Paragraph p = new Paragraph(title + " (" + names.size() + "): " + String.join(", ", names));
    p.setId(id);
    return p;
  }

  private void addLabel() {
    if (selected == null) {
      Notifications.error("Select a vocabulary first");
      return;
    }
    try {
      var added = vocabularies.addLabel(selected.name(), labelName.getValue(), CurrentUser.name());
      labelName.clear();
      labelSearch.clear();
      reselect();
      scrollToLabel(added.name);
      Notifications.success("Added '" + added.name + "' to " + selected.name());
      warnNearDuplicates(added.name);
      labelPreview.show(added.name);
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private void confirmRemoval(Label label) {
    if (selected == null) return;
    LabelRemovalDialog.open(
        selected.name(), label.name, selected.published(), () -> removeLabel(label));
  }

  private void removeLabel(Label label) {
    List<Label> shown = labelGrid.getListDataView().getItems().toList();
    int at = indexOf(shown, label.name);
    try {
      vocabularies.removeLabel(selected.name(), label.name, CurrentUser.name());
      reselect();
      // Keep the neighbourhood of the removed label in view, not an empty scrolled-off grid.
      int size = (int) labelGrid.getListDataView().getItemCount();
      if (size > 0) labelGrid.scrollToIndex(Math.max(0, Math.min(at, size - 1)));
      Notifications.success(
          "Removed '"
              + label.name
              + "' from "
              + selected.name()
              + " ("
              + selected.labels()
              + " labels left; publish to release the change)");
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private void scrollToLabel(String name) {
    int at = indexOf(labelGrid.getListDataView().getItems().toList(), name);
    if (at >= 0) labelGrid.scrollToIndex(at);
  }

  private static int indexOf(List<Label> labels, String name) {
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).name.equalsIgnoreCase(name)) return i;
    }
    return -1;
  }

  private static String publishedText(VocabularyRows.Row v) {
    if (v.published() == null) return "draft only";
    return "v" + v.published() + (v.unpublishedChanges() ? " + draft" : "");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event
        .getLocation()
        .getQueryParameters()
        .getSingleParameter(NAME_PARAMETER)
        .flatMap(
            name -> vocabularyRowsNow().stream().filter(r -> r.name().equals(name)).findFirst())
        .ifPresent(
            row -> {
              vocabularySearch.clear();
              filterVocabularies();
              show(row.id());
            });
  }

  private List<VocabularyRows.Row> vocabularyRowsNow() {
    return vocabularyGrid.getListDataView().getItems().toList();
  }

  /** Reloads the list (counts and versions changed) and keeps the same vocabulary selected. */
  private void reselect() {
    long id = selected.id();
    refreshVocabularies();
    show(id);
  }

  /**
   * Selects a vocabulary and scrolls the grid to it (the list may be longer than the view); a
   * search that hides it is cleared first.
   */
  private void show(long id) {
    if (vocabularyRowsNow().stream().noneMatch(r -> r.id() == id)) {
      vocabularySearch.clear();
      filterVocabularies();
    }
    List<VocabularyRows.Row> items = vocabularyRowsNow();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id() == id) {
        if (items.get(i).equals(vocabularyGrid.asSingleSelect().getValue())) {
          showLabels(items.get(i));
        } else {
          vocabularyGrid.select(items.get(i));
        }
        vocabularyGrid.scrollToIndex(i);
        return;
      }
    }
  }

  private void showLabels(VocabularyRows.Row vocabulary) {
    selected = vocabulary;
    labelName.setEnabled(vocabulary != null);
    addLabel.setEnabled(vocabulary != null);
    if (vocabulary == null) {
      labelsTitle.setText("Labels — select a vocabulary");
      labelGrid.setItems(List.of());
      labelCount.setText("");
      versionGrid.setItems(List.of());
      GridHeights.fitRows(labelGrid, 0, LABEL_ROWS);
      return;
    }
    labelsTitle.setText(
        "Draft of "
            + vocabulary.name()
            + (vocabulary.published() == null
                ? " (never published)"
                : vocabulary.unpublishedChanges()
                    ? " (changed since v" + vocabulary.published() + ")"
                    : " (= published v" + vocabulary.published() + ")"));
    labelGrid.setItems(vocabularies.labels(vocabulary.name()));
    filterLabels();
    versionGrid.setItems(versions.versions(vocabulary.name()));
  }

  private void refreshVocabularies() {
    vocabularyGrid.setItems(rows.list());
    filterVocabularies();
  }

  private void filterVocabularies() {
    String text = vocabularySearch.getValue();
    var view = vocabularyGrid.getListDataView();
    view.setFilter(r -> r.matches(text));
    GridHeights.fitRows(vocabularyGrid, view.getItemCount(), VOCABULARY_ROWS);
  }

  private void filterLabels() {
    String text = labelSearch.getValue().trim().toLowerCase(java.util.Locale.ROOT);
    var view = labelGrid.getListDataView();
    view.setFilter(
        l ->
            text.isEmpty()
                || l.name.toLowerCase(java.util.Locale.ROOT).contains(text)
                || (l.source != null
                    && l.source.toLowerCase(java.util.Locale.ROOT).contains(text)));
    int shown = view.getItemCount();
    long all = selected == null ? 0 : selected.labels();
    labelCount.setText(
        text.isEmpty()
            ? all + (all == 1 ? " label" : " labels")
            : shown + " of " + all + " labels match");
    GridHeights.fitRows(labelGrid, shown, LABEL_ROWS);
    if (shown > 0) labelGrid.scrollToStart();
  }
}
