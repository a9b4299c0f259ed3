package dev.ovid.web.ui.vocabularies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
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
  private Vocabulary selected;

  @Inject
  public VocabulariesView(VocabularyService vocabularies) {
    this.vocabularies = vocabularies;
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
    vocabularyGrid.addColumn(v -> v.version).setHeader("Version").setAutoWidth(true);
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
      column.add(form);
    }
    labelsTitle.setId("labels-title");
    labelGrid.setId("labels-grid");
    labelGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    labelGrid.addColumn(l -> l.name).setHeader("Label").setAutoWidth(true);
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
    return column;
  }

  private void addLabel() {
    if (selected == null) {
      Notifications.error("Select a vocabulary first");
      return;
    }
    try {
      vocabularies.addLabel(selected.name, labelName.getValue(), CurrentUser.name());
      labelName.clear();
      reselect();
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
      return;
    }
    labelsTitle.setText("Labels of " + vocabulary.name + " (v" + vocabulary.version + ")");
    labelGrid.setItems(vocabularies.labels(vocabulary.name));
  }

  private void refreshVocabularies() {
    vocabularyGrid.setItems(vocabularies.list());
  }
}
