package dev.ovid.web.ui.vocabularies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
public class VocabulariesView extends HorizontalLayout {
  private final VocabularyService vocabularies;
  private final boolean canEdit = CurrentUser.hasRole(Roles.PRODUCT_OWNER);
  private final Grid<Vocabulary> vocabularyGrid = new Grid<>(Vocabulary.class, false);
  private final Grid<Label> labelGrid = new Grid<>(Label.class, false);
  private final H3 labelsTitle = new H3("Labels");
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
  private Vocabulary selected;

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
      dev.ovid.registry.videoindex.VideoIndexes indexes) {
    this.vocabularies = vocabularies;
    this.versions = versions;
    this.expansion = expansion;
    this.expansionProgress = new ExpansionProgressPanel(expansions);
    this.labelPreview = new LabelPreviewPanel(previews, indexes);
    setSizeFull();
    add(vocabularyColumn(), labelColumn());
    refreshVocabularies();
    showLabels(null);
  }

  private VerticalLayout vocabularyColumn() {
    VerticalLayout column = new VerticalLayout(new H2("Vocabularies"));
    column.setWidth("45%");
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
    vocabularyGrid.setId("vocab-grid");
    vocabularyGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    vocabularyGrid.addColumn(v -> v.name).setHeader("Name").setAutoWidth(true);
    vocabularyGrid.addColumn(v -> v.version).setHeader("Draft rev.").setAutoWidth(true);
    vocabularyGrid
        .addColumn(v -> v.description == null ? "" : v.description)
        .setHeader("Description");
    vocabularyGrid.asSingleSelect().addValueChangeListener(e -> showLabels(e.getValue()));
    column.add(vocabularyGrid);
    return column;
  }

  private VerticalLayout labelColumn() {
    VerticalLayout column = new VerticalLayout(labelsTitle);
    column.setWidth("55%");
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
    labelGrid.setId("labels-grid");
    labelGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    labelGrid.addColumn(l -> l.name).setHeader("Label").setAutoWidth(true);
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
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeLabel(label));
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
                  () -> importer.importPublic(selected.name, list.getValue(), CurrentUser.name()));
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
                        selected.name,
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
      var close = nearDuplicates.check(selected.name, List.of(label));
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
          versions.publish(selected.name, publishComment.getValue(), CurrentUser.name());
      expansion
          .expandForProduction(version.id, CurrentUser.name())
          .ifPresent(expansionProgress::follow);
      Notifications.success(
          "Published "
              + selected.name
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
      VocabularyDiff d = versions.diff(selected.name, diffFrom.getValue(), diffTo.getValue());
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
      var added = vocabularies.addLabel(selected.name, labelName.getValue(), CurrentUser.name());
      labelName.clear();
      reselect();
      warnNearDuplicates(added.name);
      labelPreview.show(added.name);
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private void removeLabel(Label label) {
    try {
      vocabularies.removeLabel(selected.name, label.name, CurrentUser.name());
      reselect();
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  /** Reloads the list (versions changed) and keeps the same vocabulary selected. */
  private void reselect() {
    long id = selected.id;
    refreshVocabularies();
    show(id);
  }

  /** Selects a vocabulary and scrolls the grid to it (the list may be longer than the view). */
  private void show(long id) {
    List<Vocabulary> items = vocabularyGrid.getListDataView().getItems().toList();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id == id) {
        vocabularyGrid.select(items.get(i));
        vocabularyGrid.scrollToIndex(i);
        return;
      }
    }
  }

  private void showLabels(Vocabulary vocabulary) {
    selected = vocabulary;
    labelName.setEnabled(vocabulary != null);
    addLabel.setEnabled(vocabulary != null);
    if (vocabulary == null) {
      labelsTitle.setText("Labels — select a vocabulary");
      labelGrid.setItems(List.of());
      versionGrid.setItems(List.of());
      return;
    }
    var latest = versions.latest(vocabulary.name);
    labelsTitle.setText(
        "Draft of "
            + vocabulary.name
            + (latest.isEmpty()
                ? " (never published)"
                : versions.draftChanged(vocabulary.name)
                    ? " (changed since v" + latest.get().version + ")"
                    : " (= published v" + latest.get().version + ")"));
    labelGrid.setItems(vocabularies.labels(vocabulary.name));
    versionGrid.setItems(versions.versions(vocabulary.name));
  }

  private void refreshVocabularies() {
    vocabularyGrid.setItems(vocabularies.list());
  }
}
