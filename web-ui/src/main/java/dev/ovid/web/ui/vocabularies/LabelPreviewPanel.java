package dev.ovid.web.ui.vocabularies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.web.ui.Notifications;
import dev.ovid.web.ui.charts.ScoreHistogramSvg;
import dev.ovid.web.ui.components.Thresholds;
import dev.ovid.web.videoindex.VideoIndexService;
import dev.ovid.workflows.videoindex.LabelPreviewResult;
import dev.ovid.workflows.videoindex.PreviewVideo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The label preview of the draft: pick an indexed dataset, type a label, and see before publishing
 * how it would do there: the best-matching videos (thumbnail and score), the score histogram and
 * how many videos pass the model's calibrated threshold. The label is embedded on a worker.
 */
class LabelPreviewPanel extends Details {
  private final VideoIndexService service;
  private final ComboBox<VideoIndex> index = new ComboBox<>("Indexed dataset");
  private final TextField label = new TextField("Label");
  private final Div result = new Div();

  LabelPreviewPanel(VideoIndexService service, VideoIndexes indexes) {
    this.service = service;
    setSummaryText("Preview a label on an indexed dataset");
    setId("label-preview");
    index.setId("preview-index");
    var all = indexes.list();
    index.setItems(all);
    index.setItemLabelGenerator(i -> i.ref() + " (" + i.videoCount + " videos)");
    if (!all.isEmpty()) index.setValue(all.get(0));
    index.setWidth("22em");
    label.setId("preview-label");
    label.setValueChangeMode(ValueChangeMode.EAGER);
    label.setPlaceholder("e.g. a red circle");
    Button preview = new Button("Preview", VaadinIcon.EYE.create(), e -> preview());
    preview.setId("preview-button");
    label.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> preview());
    HorizontalLayout form = new HorizontalLayout(index, label, preview);
    form.setAlignItems(Alignment.BASELINE);
    result.setId("preview-result");
    add(new VerticalLayout(form, result));
  }

  /** Preview this label (e.g. one just added to the draft). */
  void show(String text) {
    label.setValue(text);
  }

  private void preview() {
    if (index.getValue() == null) {
      Notifications.error("No indexed dataset yet: build a video index first (Video indexes)");
      return;
    }
    try {
      render(service.preview(index.getValue().id, label.getValue(), null));
    } catch (OvidException ex) {
      result.removeAll();
      Notifications.error(ex.getMessage());
    }
  }

  private void render(LabelPreviewResult r) {
    result.removeAll();
    Paragraph summary =
        new Paragraph(
            String.format(
                Locale.ROOT,
                "%d of %d videos would get '%s' at the calibrated threshold %s.",
                r.passing(),
                r.videoCount(),
                r.label(),
                Thresholds.format(r.threshold())));
    summary.setId("preview-summary");
    String svg = ScoreHistogramSvg.render(r.histogram(), r.edges(), r.threshold(), r.label());
    Image histogram =
        new Image(
            "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
            "score histogram with the threshold line");
    histogram.setId("preview-histogram");
    histogram.setMaxWidth("100%");
    HorizontalLayout videos = new HorizontalLayout();
    videos.setId("preview-videos");
    videos.getStyle().set("flex-wrap", "wrap");
    for (PreviewVideo v : r.top()) videos.add(tile(v));
    result.add(summary, histogram, videos);
  }

  private VerticalLayout tile(PreviewVideo v) {
    Image thumbnail =
        new Image(
            DownloadHandler.fromInputStream(
                event ->
                    new DownloadResponse(
                        service.thumbnail(v.thumbnailSha256()),
                        v.thumbnailSha256() + ".jpg",
                        "image/jpeg",
                        -1)),
            v.id());
    thumbnail.setWidth("160px");
    Span score = new Span(v.id() + " " + Thresholds.format(v.score()));
    score.getStyle().set("color", v.passes() ? "#2e7d32" : "#616161");
    VerticalLayout tile = new VerticalLayout(thumbnail, score);
    tile.addClassName("preview-video");
    tile.setPadding(false);
    tile.setSpacing(false);
    tile.setWidth("170px");
    return tile;
  }
}
