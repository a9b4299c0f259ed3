package dev.ovid.web.ui.classify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.FileBuffer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.web.classify.ClassificationOutcome;
import dev.ovid.web.classify.Classifier;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import dev.ovid.web.ui.charts.ScoreBarsSvg;
import dev.ovid.web.ui.components.Thresholds;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Upload a video and see its labels: bars by score with the model's calibrated threshold. The work
 * runs on a worker (inference queue); this page waits for it.
 */
@Route(value = "classify", layout = MainLayout.class)
@PageTitle("Classify | Ovid")
@RolesAllowed({Roles.PRODUCT_OWNER, Roles.ML_OPS})
public class ClassifyView extends VerticalLayout {
  private final Classifier classifier;
  private final FileBuffer buffer = new FileBuffer();
  private final Div result = new Div();
  private Path uploaded;

  public ClassifyView(
      Classifier classifier, VocabularyService vocabularies, VocabularyVersions versions) {
    this.classifier = classifier;
    add(new H2("Classify a video"));
    ComboBox<String> vocabulary = new ComboBox<>("Vocabulary");
    vocabulary.setId("classify-vocabulary");
    vocabulary.setItems(
        vocabularies.list().stream()
            .map(v -> v.name)
            .filter(n -> versions.latest(n).isPresent())
            .toList());
    TextField model = new TextField("Model (alias or version)");
    model.setId("classify-model");
    model.setValue("production");
    IntegerField top = new IntegerField("Top labels");
    top.setId("classify-top");
    top.setValue(20);
    top.setMin(0);
    Upload upload = new Upload(buffer);
    upload.setId("classify-upload");
    upload.setAcceptedFileTypes("video/*", ".mp4", ".webm", ".mkv", ".avi", ".mov");
    upload.setMaxFiles(1);
    upload.addSucceededListener(e -> uploaded = buffer.getFileData().getFile().toPath());
    Button classify = new Button("Classify", VaadinIcon.SEARCH.create());
    classify.setId("classify-button");
    classify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    classify.addClickListener(e -> run(vocabulary.getValue(), model.getValue(), top.getValue()));
    HorizontalLayout form = new HorizontalLayout(vocabulary, model, top, classify);
    form.setAlignItems(Alignment.BASELINE);
    result.setId("classify-result");
    add(upload, form, result);
  }

  private void run(String vocabulary, String model, Integer top) {
    if (uploaded == null) {
      Notifications.error("Upload a video first");
      return;
    }
    try {
      ClassificationOutcome outcome =
          classifier.classifyUpload(uploaded, vocabulary, null, model, top, CurrentUser.name());
      show(outcome);
    } catch (OvidException ex) {
      result.removeAll();
      Notifications.error(ex.getMessage());
    }
  }

  private void show(ClassificationOutcome o) {
    result.removeAll();
    long passing = o.labels().stream().filter(l -> l.passes()).count();
    Paragraph summary =
        new Paragraph(
            String.format(
                "Model %s, vocabulary %s: %d of %d labels shown, %d pass the threshold %s%s."
                    + " Took %d ms (decode %d, encode %d, score %d).",
                o.model(),
                o.vocabulary(),
                o.labels().size(),
                o.labelCount(),
                passing,
                Thresholds.format(o.threshold()),
                o.expandedOnDemand() ? " (vocabulary expanded on demand)" : "",
                o.timings().totalMs(),
                o.timings().decodeMs(),
                o.timings().encodeMs(),
                o.timings().scoreMs()));
    summary.setId("classify-summary");
    String svg = ScoreBarsSvg.render(o.labels(), o.threshold());
    Image bars =
        new Image(
            "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
            "label scores with the threshold line");
    bars.setId("classify-bars");
    bars.setMaxWidth("100%");
    result.add(summary, bars);
  }
}
