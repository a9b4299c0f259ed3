package dev.ovid.web.ui.videoindex;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.videoindex.BatchClassification;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import dev.ovid.web.videoindex.VideoIndexService;
import dev.ovid.workflows.videoindex.VideoIndexProgress;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;

/**
 * Video indexes and batch classification of dataset versions. Everyone logged in sees them and
 * downloads results; ml-ops build indexes; product owners (and ml-ops) classify a dataset version.
 * Running builds and classifications are followed through their workflow queries.
 */
@Route(value = "video-indexes", layout = MainLayout.class)
@PageTitle("Video indexes | Ovid")
@PermitAll
public class VideoIndexView extends VerticalLayout {
  private final VideoIndexService service;
  private final VideoIndexes indexes;
  private final Grid<VideoIndex> indexGrid = new Grid<>(VideoIndex.class, false);
  private final Grid<BatchClassification> batchGrid = new Grid<>(BatchClassification.class, false);
  private final ProgressBar buildBar = new ProgressBar(0, 1, 0);
  private final Span buildStatus = new Span();
  private final Span batchStatus = new Span();
  private String buildWorkflow;
  private String batchWorkflow;
  private Registration poll;

  public VideoIndexView(
      VideoIndexService service,
      VideoIndexes indexes,
      DatasetRegistry datasets,
      VocabularyService vocabularies,
      VocabularyVersions versions) {
    this.service = service;
    this.indexes = indexes;
    add(new H2("Video indexes"));
    add(
        new Paragraph(
            "A video index embeds every video of a dataset version once with a model version;"
                + " label previews and batch classification read it."));
    ComboBox<DatasetVersion> dataset = new ComboBox<>("Dataset version");
    dataset.setId("index-dataset");
    dataset.setItems(datasets.list());
    dataset.setItemLabelGenerator(
        d -> d.datasetName + "@" + d.version + " (" + d.videoCount + " videos)");
    TextField model = new TextField("Model (alias or version)");
    model.setId("index-model");
    model.setValue("production");
    if (CurrentUser.hasRole(Roles.ML_OPS)) {
      IntegerField shardSize = new IntegerField("Videos per shard (empty: default)");
      shardSize.setId("index-shard-size");
      shardSize.setMin(1);
      Button build = new Button("Build index", VaadinIcon.DATABASE.create());
      build.setId("index-build");
      build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      build.addClickListener(
          e -> {
            if (dataset.getValue() == null) {
              Notifications.error("Pick a dataset version");
              return;
            }
            try {
              var started =
                  service.build(
                      model.getValue(),
                      dataset.getValue().datasetName,
                      dataset.getValue().version,
                      shardSize.getValue(),
                      CurrentUser.name());
              buildWorkflow = started.workflowId();
              Notifications.success("Indexing " + started.dataset() + " with " + started.model());
              refreshBuild();
            } catch (OvidException ex) {
              Notifications.error(ex.getMessage());
            }
          });
      HorizontalLayout form = new HorizontalLayout(dataset, model, shardSize, build);
      form.setAlignItems(Alignment.BASELINE);
      buildStatus.setId("index-build-status");
      buildBar.setId("index-build-progress");
      buildBar.setVisible(false);
      add(form, buildBar, buildStatus);
    }
    indexGrid.setId("index-grid");
    indexGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    indexGrid.setAllRowsVisible(true);
    indexGrid.addColumn(i -> i.id).setHeader("Id").setAutoWidth(true);
    indexGrid
        .addColumn(i -> i.datasetVersion.datasetName + "@" + i.datasetVersion.version)
        .setHeader("Dataset")
        .setAutoWidth(true);
    indexGrid
        .addColumn(i -> i.modelVersion.modelName + "@" + i.modelVersion.version)
        .setHeader("Model")
        .setAutoWidth(true);
    indexGrid.addColumn(i -> i.videoCount).setHeader("Videos").setAutoWidth(true);
    indexGrid.addColumn(i -> i.shardCount).setHeader("Shards").setAutoWidth(true);
    indexGrid.addColumn(i -> i.sha256.substring(0, 12)).setHeader("sha256").setAutoWidth(true);
    indexGrid.addColumn(i -> i.createdBy).setHeader("By").setAutoWidth(true);
    add(indexGrid);

    add(new H3("Batch classification"));
    if (CurrentUser.hasAnyRole(Roles.PRODUCT_OWNER, Roles.ML_OPS)) {
      ComboBox<DatasetVersion> batchDataset = new ComboBox<>("Dataset version");
      batchDataset.setId("batch-dataset");
      batchDataset.setItems(datasets.list());
      batchDataset.setItemLabelGenerator(d -> d.datasetName + "@" + d.version);
      ComboBox<String> vocabulary = new ComboBox<>("Vocabulary (latest published)");
      vocabulary.setId("batch-vocabulary");
      vocabulary.setItems(
          vocabularies.list().stream()
              .map(v -> v.name)
              .filter(n -> versions.latest(n).isPresent())
              .toList());
      TextField batchModel = new TextField("Model (alias or version)");
      batchModel.setId("batch-model");
      batchModel.setValue("production");
      IntegerField top = new IntegerField("Top labels per video");
      top.setId("batch-top");
      top.setValue(5);
      top.setMin(0);
      Button start = new Button("Classify dataset", VaadinIcon.TABLE.create());
      start.setId("batch-start");
      start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      start.addClickListener(
          e -> {
            if (batchDataset.getValue() == null || vocabulary.getValue() == null) {
              Notifications.error("Pick a dataset version and a vocabulary");
              return;
            }
            try {
              var started =
                  service.classify(
                      batchModel.getValue(),
                      batchDataset.getValue().datasetName,
                      batchDataset.getValue().version,
                      vocabulary.getValue(),
                      null,
                      top.getValue(),
                      CurrentUser.name());
              batchWorkflow = started.workflowId();
              refreshBatch();
            } catch (OvidException ex) {
              Notifications.error(ex.getMessage());
            }
          });
      HorizontalLayout form =
          new HorizontalLayout(batchDataset, vocabulary, batchModel, top, start);
      form.setAlignItems(Alignment.BASELINE);
      batchStatus.setId("batch-status");
      add(form, batchStatus);
    }
    batchGrid.setId("batch-grid");
    batchGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    batchGrid.setAllRowsVisible(true);
    batchGrid.addColumn(b -> b.id).setHeader("Id").setAutoWidth(true);
    batchGrid
        .addColumn(
            b ->
                b.videoIndex.datasetVersion.datasetName + "@" + b.videoIndex.datasetVersion.version)
        .setHeader("Dataset")
        .setAutoWidth(true);
    batchGrid.addColumn(b -> b.vocabularyVersion.ref()).setHeader("Vocabulary").setAutoWidth(true);
    batchGrid
        .addColumn(
            b -> b.videoIndex.modelVersion.modelName + "@" + b.videoIndex.modelVersion.version)
        .setHeader("Model")
        .setAutoWidth(true);
    batchGrid.addColumn(b -> b.videoCount).setHeader("Videos").setAutoWidth(true);
    batchGrid.addColumn(b -> b.topK).setHeader("Top").setAutoWidth(true);
    batchGrid
        .addColumn(b -> DateTimeFormatter.ISO_INSTANT.format(b.createdAt))
        .setHeader("At")
        .setAutoWidth(true);
    batchGrid
        .addComponentColumn(
            b ->
                new HorizontalLayout(
                    download(b.csvUri, "batch-" + b.id + ".csv", "text/csv", "CSV"),
                    download(
                        b.jsonlUri, "batch-" + b.id + ".jsonl", "application/x-ndjson", "JSONL")))
        .setHeader("Results")
        .setAutoWidth(true);
    add(batchGrid);
    refreshGrids();
  }

  private Anchor download(String uri, String name, String type, String text) {
    Anchor anchor =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> new DownloadResponse(service.open(uri), name, type, -1)),
            AttachmentType.DOWNLOAD,
            text);
    anchor.setTarget(AnchorTarget.BLANK);
    anchor.addClassName("batch-download");
    return anchor;
  }

  private void refreshGrids() {
    indexGrid.setItems(indexes.list());
    batchGrid.setItems(indexes.batches());
  }

  private void refreshBuild() {
    if (buildWorkflow == null) return;
    try {
      VideoIndexProgress p = service.progress(buildWorkflow);
      buildBar.setVisible(true);
      buildBar.setValue(Math.max(0, Math.min(1, p.fraction())));
      buildStatus.setText(
          p.state()
              + ": "
              + p.message()
              + " ("
              + p.shardsDone()
              + "/"
              + p.shardsTotal()
              + " shards)");
      if ("done".equals(p.state()) || "failed".equals(p.state())) {
        buildWorkflow = null;
        refreshGrids();
      }
    } catch (RuntimeException e) {
      buildStatus.setText("cannot read the build's progress: " + e.getMessage());
      buildWorkflow = null;
    }
  }

  private void refreshBatch() {
    if (batchWorkflow == null) return;
    try {
      String p = service.batchProgress(batchWorkflow);
      batchStatus.setText(p);
      if (p.startsWith("done") || p.startsWith("failed")) {
        batchWorkflow = null;
        refreshGrids();
      }
    } catch (RuntimeException e) {
      batchStatus.setText("cannot read the classification's progress: " + e.getMessage());
      batchWorkflow = null;
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().setPollInterval(1000);
    poll =
        event
            .getUI()
            .addPollListener(
                e -> {
                  refreshBuild();
                  refreshBatch();
                });
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) poll.remove();
    event.getUI().setPollInterval(-1);
  }
}
