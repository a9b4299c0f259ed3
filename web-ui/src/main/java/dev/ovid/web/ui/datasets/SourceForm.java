package dev.ovid.web.ui.datasets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.NewDatasetSource;
import dev.ovid.registry.dataset.UnreadableVideoHandling;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.ui.Notifications;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers a dataset source of any kind. The fields follow the kind: a JSONL manifest needs only
 * its location; a Kinetics CSV also its video root; a YouTube-8M TFRecord also the video root, its
 * vocabulary.csv and the vocabulary curation rules (verticals, description patterns, include and
 * exclude lists, and a frequency cut).
 */
class SourceForm extends VerticalLayout {
  final TextField name = text("Name", "source-name");
  final Select<DatasetSourceKind> kind = new Select<>();
  final TextField location = text("Manifest (s3:// or path)", "source-location");
  final TextField videoRoot = text("Video root (folder or s3:// prefix)", "source-video-root");
  final Select<UnreadableVideoHandling> policy = new Select<>();
  final TextField vocabularyLocation =
      text("YouTube-8M vocabulary.csv (s3:// or path)", "source-vocabulary-location");
  final TextField excludeVerticals = text("Exclude verticals", "source-exclude-verticals");
  final TextField excludePatterns =
      text("Exclude description patterns (regex)", "source-exclude-patterns");
  final TextField include = text("Always keep labels", "source-include");
  final TextField exclude = text("Always remove labels", "source-exclude");
  final IntegerField minTrainVideos = new IntegerField("Min. training videos per label");
  final IntegerField top = new IntegerField("Or keep the N most frequent");
  final Button register = new Button("Register source", VaadinIcon.PLUS.create());

  SourceForm(DatasetSourceService sources, Runnable onRegistered) {
    setPadding(false);
    setId("source-form");
    kind.setLabel("Kind");
    kind.setItems(DatasetSourceKind.values());
    kind.setItemLabelGenerator(SourceForm::kindLabel);
    kind.setId("source-kind");
    policy.setLabel("Unreadable videos");
    policy.setItems(UnreadableVideoHandling.values());
    policy.setValue(UnreadableVideoHandling.FAIL);
    policy.setId("source-policy");
    minTrainVideos.setId("source-min-train-videos");
    top.setId("source-top");
    minTrainVideos.setMin(0);
    top.setMin(0);
    excludeVerticals.setHelperText("comma-separated, e.g. Games or Vertical1=Games");
    include.setHelperText("names or Knowledge Graph ids, comma-separated");
    exclude.setHelperText("names or Knowledge Graph ids, comma-separated");
    minTrainVideos.setHelperText("e.g. 205; leave empty for no cut");
    top.setHelperText("instead of the minimum");
    kind.addValueChangeListener(e -> showFieldsOf(e.getValue()));
    kind.setValue(DatasetSourceKind.MANIFEST);

    register.setId("source-register-button");
    register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    register.addClickListener(
        e -> {
          try {
            DatasetSource created = sources.register(source(), CurrentUser.name());
            Notifications.success("Dataset source '" + created.name + "' registered");
            List.of(name, location, videoRoot, vocabularyLocation).forEach(TextField::clear);
            onRegistered.run();
          } catch (OvidException ex) {
            Notifications.error(ex.getMessage());
          }
        });
    FormLayout form =
        new FormLayout(
            name,
            kind,
            location,
            videoRoot,
            policy,
            vocabularyLocation,
            excludeVerticals,
            excludePatterns,
            include,
            exclude,
            minTrainVideos,
            top);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("600px", 2),
        new FormLayout.ResponsiveStep("1100px", 3));
    add(new H3("Register a source"), form, register);
  }

  NewDatasetSource source() {
    boolean yt8m = kind.getValue() == DatasetSourceKind.YT8M_TFRECORD;
    return new NewDatasetSource(
        name.getValue(),
        kind.getValue(),
        location.getValue(),
        kind.getValue() == DatasetSourceKind.MANIFEST ? null : videoRoot.getValue(),
        policy.getValue(),
        null,
        yt8m ? vocabularyLocation.getValue() : null,
        yt8m ? rulesJson() : null);
  }

  /** The curation rules as the worker reads them; null when no rule is set. */
  String rulesJson() {
    Map<String, Object> rules = new LinkedHashMap<>();
    putList(rules, "excludeVerticals", excludeVerticals.getValue());
    putList(rules, "excludeDescriptionPatterns", excludePatterns.getValue());
    putList(rules, "include", include.getValue());
    putList(rules, "exclude", exclude.getValue());
    if (minTrainVideos.getValue() != null) rules.put("minTrainVideos", minTrainVideos.getValue());
    if (top.getValue() != null) rules.put("top", top.getValue());
    return rules.isEmpty() ? null : Json.write(rules);
  }

  private void showFieldsOf(DatasetSourceKind k) {
    boolean yt8m = k == DatasetSourceKind.YT8M_TFRECORD;
    location.setLabel(
        switch (k == null ? DatasetSourceKind.MANIFEST : k) {
          case MANIFEST -> "Manifest, JSON Lines (s3:// or path)";
          case KINETICS_CSV -> "Kinetics CSV (s3:// or path)";
          case YT8M_TFRECORD -> "YouTube-8M video-level TFRecord (s3:// or path)";
        });
    videoRoot.setVisible(k != DatasetSourceKind.MANIFEST);
    for (var field :
        List.of(vocabularyLocation, excludeVerticals, excludePatterns, include, exclude)) {
      field.setVisible(yt8m);
    }
    minTrainVideos.setVisible(yt8m);
    top.setVisible(yt8m);
    if (yt8m && excludeVerticals.isEmpty()) excludeVerticals.setValue("Games");
  }

  private static void putList(Map<String, Object> rules, String key, String text) {
    List<String> items =
        Arrays.stream(text == null ? new String[0] : text.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (!items.isEmpty()) rules.put(key, items);
  }

  private static String kindLabel(DatasetSourceKind k) {
    return switch (k) {
      case MANIFEST -> "Manifest (JSON Lines)";
      case KINETICS_CSV -> "Kinetics CSV";
      case YT8M_TFRECORD -> "YouTube-8M TFRecord";
    };
  }

  private static TextField text(String label, String id) {
    TextField field = new TextField(label);
    field.setId(id);
    field.setValueChangeMode(ValueChangeMode.EAGER);
    return field;
  }
}
