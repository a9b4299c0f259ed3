package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.web.links.ExternalLinks;
import dev.ovid.web.ui.components.Thresholds;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A run's lineage as a picture: dataset version (and vocabulary) → run → model versions →
 * label-embedding databases → evaluations, boxes joined by arrows. Every box links to where the
 * thing lives: Ovid's own pages, the MinIO console, MLflow, Temporal.
 */
final class LineageDiagram {
  private LineageDiagram() {}

  /**
   * @param mlflowVersions MLflow's version number per Ovid model version id, where known
   */
  static Component of(RunLineage l, ExternalLinks links, Map<Long, String> mlflowVersions) {
    Div diagram = new Div();
    diagram.setId("lineage-diagram");
    diagram.addClassName("ovid-lineage");

    RunLineage.DatasetInfo d = l.dataset();
    Div dataset =
        d.versionId() == null
            ? node("lineage-dataset", "dataset", d.name() + " (not curated yet)", Optional.empty())
            : node(
                "lineage-dataset",
                "dataset version",
                d.name() + " v" + d.version(),
                Optional.of("datasets?dataset=" + encode(d.name()) + "&version=" + d.version()),
                d.videoCount() + " videos, " + d.labelCount() + " labels");
    internal(dataset);
    if (d.versionId() != null) {
      extra(dataset, "lineage-manifest", "manifest", links.minioObject(d.manifestUri()));
      extra(dataset, "lineage-report", "curation report", links.minioObject(d.curationReportUri()));
    }
    RunLineage.VocabularyInfo v = l.vocabulary();
    Div vocabulary =
        node(
            "lineage-vocabulary",
            "vocabulary",
            v.name() + " v" + v.versionAtLaunch(),
            Optional.of("vocabularies"),
            VocabularyNow.of(v));
    internal(vocabulary);
    diagram.add(column(dataset, vocabulary), arrow());

    Div run =
        node(
            "lineage-run",
            "run",
            "#" + l.run().id() + " " + l.run().status().name().toLowerCase(Locale.ROOT),
            links.mlflowRun(l.mlflowRunId()),
            "launched by " + l.run().launchedBy());
    extra(run, "lineage-temporal", "Temporal workflow", links.temporalWorkflow(l.workflowId()));
    extra(run, "lineage-mlflow-run", "MLflow run", links.mlflowRun(l.mlflowRunId()));
    diagram.add(column(run), arrow());

    Div models = column();
    Div labels = column();
    for (RunLineage.ModelInfo m : l.models()) {
      String mlflowVersion = mlflowVersions.get(m.id());
      Div model =
          node(
              "lineage-model-" + m.version(),
              "model version",
              mlflowVersion != null
                  ? m.modelName() + " v" + mlflowVersion
                  : m.modelName() + " (Ovid v" + m.version() + ")",
              mlflowVersion != null
                  ? links.mlflowModelVersion(m.modelName(), mlflowVersion)
                  : links.mlflowRun(m.mlflowRunId()),
              "checkpoint sha256 " + shortSha(m.checkpointSha256()));
      extra(
          model,
          "lineage-checkpoint-" + m.version(),
          "checkpoint",
          links.minioObject(m.checkpointUri()));
      models.add(model);
      if (m.labelEmbeddingsUri() != null) {
        labels.add(
            node(
                "lineage-labels-" + m.version(),
                "label-embedding database",
                "for "
                    + m.modelName()
                    + " v"
                    + (mlflowVersion != null ? mlflowVersion : m.version()),
                links.minioObject(m.labelEmbeddingsUri()),
                "sha256 " + shortSha(m.labelEmbeddingsSha256())));
      }
    }
    if (l.models().isEmpty()) models.add(pending("lineage-model-pending", "model version"));
    if (labels.getComponentCount() == 0) {
      labels.add(pending("lineage-labels-pending", "label-embedding database"));
    }
    diagram.add(models, arrow(), labels, arrow());

    Div evaluations = column();
    for (RunLineage.EvaluationInfo e : l.evaluations()) {
      evaluations.add(
          node(
              "lineage-evaluation-" + e.id(),
              "evaluation",
              String.format(Locale.ROOT, "AUPR %.4f", e.aupr()),
              links.minioObject(e.reportUri()),
              String.format(
                  Locale.ROOT,
                  "peak F1 %.4f at t=%s",
                  e.peakF1(),
                  Thresholds.format(e.peakF1Threshold()))));
    }
    if (l.evaluations().isEmpty())
      evaluations.add(pending("lineage-evaluation-pending", "evaluation"));
    diagram.add(evaluations);
    return diagram;
  }

  private static Div node(
      String id, String kind, String title, Optional<String> href, String... notes) {
    Div node = new Div();
    node.setId(id);
    node.addClassName("ovid-lineage-node");
    Span k = new Span(kind);
    k.addClassName("ovid-lineage-kind");
    node.add(k);
    if (href.isPresent()) {
      Anchor a = new Anchor(href.get(), title, AnchorTarget.BLANK);
      a.addClassName("ovid-lineage-link");
      node.add(a);
    } else {
      node.add(new Span(title));
    }
    for (String note : notes) {
      Div line = new Div(new Span(note));
      line.getStyle().set("color", "var(--lumo-secondary-text-color)");
      node.add(line);
    }
    return node;
  }

  private static Div pending(String id, String kind) {
    Div node = node(id, kind, "not yet", Optional.empty());
    node.getStyle().set("border-style", "dashed").set("color", "var(--lumo-secondary-text-color)");
    return node;
  }

  private static void internal(Div node) {
    node.getChildren()
        .filter(c -> c instanceof Anchor)
        .forEach(a -> ((Anchor) a).setTarget(AnchorTarget.DEFAULT));
  }

  private static void extra(Div node, String id, String text, Optional<String> href) {
    href.ifPresent(
        url -> {
          Anchor a = new Anchor(url, text, AnchorTarget.BLANK);
          a.setId(id);
          a.getStyle()
              .set("margin-right", "var(--lumo-space-s)")
              .set("font-size", "var(--lumo-font-size-xs)");
          node.add(a);
        });
  }

  private static Div column(Component... children) {
    Div column = new Div(children);
    column.addClassName("ovid-lineage-column");
    return column;
  }

  private static Span arrow() {
    Span arrow = new Span("→");
    arrow.addClassName("ovid-lineage-arrow");
    arrow.getElement().setAttribute("aria-hidden", "true");
    return arrow;
  }

  private static String shortSha(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  static List<String> kinds() {
    return List.of(
        "dataset version", "run", "model version", "label-embedding database", "evaluation");
  }
}
