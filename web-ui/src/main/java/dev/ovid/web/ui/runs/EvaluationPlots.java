package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.web.ui.components.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The precision-recall curve and F1-vs-threshold plots of a run's evaluation, as the evaluate stage
 * drew them (SVG in the MLflow run's artifacts, the peak-F1 threshold marked), with the chosen
 * threshold and the metrics beside them.
 */
final class EvaluationPlots {
  static final String PR_PLOT = "plots/precision_recall.svg";
  static final String F1_PLOT = "plots/f1_vs_threshold.svg";
  private static final Logger LOG = Logger.getLogger(EvaluationPlots.class);

  private EvaluationPlots() {}

  static Component of(MlflowReads mlflow, String mlflowRunId, RunLineage.EvaluationInfo e) {
    Div cards = new Div();
    cards.setId("evaluation-plots");
    cards.addClassName("ovid-cards");
    Paragraph chosen =
        new Paragraph(
            String.format(
                Locale.ROOT,
                "Chosen threshold %s (peak F1 %.4f); AUPR %.4f.",
                Thresholds.format(e.peakF1Threshold()),
                e.peakF1(),
                e.aupr()));
    chosen.setId("chosen-threshold");
    cards.add(
        card("plot-pr", "Precision-recall", mlflow, mlflowRunId, PR_PLOT),
        card("plot-f1", "F1 vs threshold", mlflow, mlflowRunId, F1_PLOT));
    Div box = new Div(chosen, cards);
    box.setWidthFull();
    return box;
  }

  private static Component card(
      String id, String title, MlflowReads mlflow, String mlflowRunId, String path) {
    Div card = new Div(new H4(title));
    card.addClassName("ovid-card");
    try {
      byte[] svg = mlflow.artifact(mlflowRunId, path);
      Image image =
          new Image(
              "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg),
              title + " plot");
      image.setId(id);
      image.setWidth("500px");
      image.setMaxWidth("100%");
      card.add(image);
    } catch (RuntimeException ex) {
      // MLflow or MinIO down, or an evaluation from before plots were stored: say so, keep the
      // page.
      LOG.warnf("plot %s of MLflow run %s unavailable: %s", path, mlflowRunId, ex.getMessage());
      Paragraph missing = new Paragraph("Plot unavailable: " + ex.getMessage());
      missing.setId(id + "-missing");
      card.add(missing);
    }
    return card;
  }

  /** For tests: the SVG text behind an image's data URI. */
  static String svgOf(Image image) {
    String src = image.getSrc();
    return new String(
        Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)), StandardCharsets.UTF_8);
  }
}
