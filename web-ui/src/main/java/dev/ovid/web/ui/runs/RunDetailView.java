package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.lineage.LineageService;
import dev.ovid.registry.lineage.RunLineage;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.links.ExternalLinks;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.runs.RunOperations;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.UiSettings;
import dev.ovid.web.ui.charts.LossCurveSvg;
import dev.ovid.web.ui.components.DateTimes;
import dev.ovid.web.ui.components.KeyValueTable;
import dev.ovid.web.ui.components.Thresholds;
import dev.ovid.workflows.pipeline.PipelineProgress;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One run: its stages and progress, the loss curve, links to its MLflow run and Temporal workflow,
 * and its lineage. Refreshes while the run is still going.
 */
@Route(value = "runs/:id(\\d+)", layout = MainLayout.class)
@PageTitle("Run | Ovid")
@PermitAll
public class RunDetailView extends VerticalLayout implements BeforeEnterObserver {
  private static final Logger LOG = Logger.getLogger(RunDetailView.class);
  private final RunRegistry runs;
  private final RunLauncher launcher;
  private final RunOperations operations;
  private final LineageService lineage;
  private final ExternalLinks links;
  private final MlflowReads mlflow;
  private final AuditLog audit;

  /** MLflow's version numbers and the plots change no more once known: fetched once per page. */
  private final Map<Long, String> mlflowVersions = new HashMap<>();

  private Component plots;
  private final java.util.List<TrainingPace.Report> paceReports = new java.util.ArrayList<>();
  private final int pollIntervalMs;
  private final VerticalLayout content = new VerticalLayout();
  private long runId;
  private Registration pollRegistration;
  private dev.ovid.registry.run.RunStatus shownStatus;
  // Kept across refreshes while the status stays, so a click is never lost to a re-render.
  private RunOperationsPanel operationsPanel;
  private dev.ovid.registry.run.RunStatus operationsStatus;

  @Inject
  public RunDetailView(
      RunRegistry runs,
      RunLauncher launcher,
      RunOperations operations,
      LineageService lineage,
      ExternalLinks links,
      UiSettings ui,
      MlflowReads mlflow,
      AuditLog audit) {
    this.mlflow = mlflow;
    this.audit = audit;
    this.runs = runs;
    this.launcher = launcher;
    this.operations = operations;
    this.lineage = lineage;
    this.links = links;
    this.pollIntervalMs = ui.pollIntervalMs();
    content.setPadding(false);
    content.setWidthFull();
    add(content);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    runId = event.getRouteParameters().getLong("id").orElse(-1L);
    operationsPanel = null;
    plots = null;
    mlflowVersions.clear();
    paceReports.clear();
    render();
  }

  private void render() {
    content.removeAll();
    TrainingRun run;
    try {
      run = runs.get(runId);
    } catch (NotFoundException e) {
      content.add(new H2("Run not found"), new Paragraph(e.getMessage()));
      return;
    }
    shownStatus = run.status;
    H2 title = new H2("Run #" + run.id);
    Span status = new Span(run.status.name());
    status.setId("run-status");
    status.getElement().getThemeList().add("badge " + badgeOf(run));
    RunLineage l = lineage.lineageOf(run.id);
    HorizontalLayout header = new HorizontalLayout(title, status);
    header.setAlignItems(Alignment.BASELINE);
    header.setWrap(true);
    for (RunLineage.ModelInfo m : l.models()) {
      String mlflowVersion = mlflowVersion(m);
      Span model =
          new Span(
              "model "
                  + m.modelName()
                  + " v"
                  + (mlflowVersion != null ? mlflowVersion : m.version() + " (Ovid)"));
      model.setId("run-model-version");
      model.getElement().getThemeList().add("badge");
      header.add(model);
    }
    content.add(header);

    PipelineProgress progress = null;
    String progressProblem = null;
    try {
      progress = launcher.progress(run);
    } catch (RuntimeException e) {
      progressProblem = e.getMessage();
    }
    content.add(StageStrip.of(run, progress));
    ProgressBar bar = RunsView.progressBar(run);
    bar.setId("run-progress");
    content.add(bar);
    String message =
        progress != null && progress.message() != null ? progress.message() : run.message;
    if (message != null && !message.isBlank()) {
      Paragraph line = new Paragraph(message);
      line.setId("run-message");
      content.add(line);
    }
    if (progressProblem != null) {
      content.add(new Paragraph("Live progress unavailable: " + progressProblem));
    }
    if (operationsPanel == null || operationsStatus != run.status) {
      operationsPanel =
          new RunOperationsPanel(run, operations, CurrentUser.hasRole(Roles.ML_OPS), this::render);
      operationsStatus = run.status;
    } else {
      operationsPanel.showPending(run);
    }
    content.add(operationsPanel);
    if (!run.status.isFinal() && "TRAIN".equalsIgnoreCase(run.stage)) {
      // The page measures the pace from the progress it sees change as it polls.
      TrainingPace.report(run.message, java.time.Instant.now())
          .filter(
              r ->
                  paceReports.isEmpty()
                      || paceReports.get(paceReports.size() - 1).step() != r.step())
          .ifPresent(paceReports::add);
      TrainingPace.of(paceReports, l.run().hyperparameters())
          .ifPresent(pace -> content.add(TrainingFacts.of(pace)));
    }

    content.add(linksOf(run));
    content.add(new H3("Lineage"), LineageDiagram.of(l, links, mlflowVersions));
    content.add(new H3("Training loss"), lossCurve(run));
    if (!l.evaluations().isEmpty() && run.mlflowRunId != null) {
      if (plots == null) {
        plots =
            EvaluationPlots.of(
                mlflow, run.mlflowRunId, l.evaluations().get(l.evaluations().size() - 1));
      }
      content.add(new H3("Evaluation"), plots);
    }
    KeyValueTable hyperparameters = new KeyValueTable(l.run().hyperparameters());
    hyperparameters.setId("run-hyperparameters");
    content.add(new H3("Hyperparameters"), hyperparameters);
    content.add(lineageOf(l));
  }

  /** MLflow's number for the model version, asked once; null when MLflow does not know it. */
  private String mlflowVersion(RunLineage.ModelInfo m) {
    if (m.mlflowRunId() == null) return null;
    return mlflowVersions.computeIfAbsent(
        m.id(),
        id -> {
          try {
            return mlflow.registeredVersion(m.modelName(), m.mlflowRunId()).orElse(null);
          } catch (RuntimeException e) {
            LOG.warnf(
                "MLflow version of model %s v%d unknown: %s",
                m.modelName(), m.version(), e.getMessage());
            return null;
          }
        });
  }

  private Component linksOf(TrainingRun run) {
    HorizontalLayout row = new HorizontalLayout();
    links
        .mlflowRun(run.mlflowRunId)
        .ifPresent(url -> row.add(external("mlflow-link", "MLflow run " + run.mlflowRunId, url)));
    links
        .temporalWorkflow(run.workflowId)
        .ifPresent(
            url -> row.add(external("temporal-link", "Temporal workflow " + run.workflowId, url)));
    if (row.getComponentCount() == 0) {
      row.add(new Span("No MLflow run or workflow yet."));
    }
    return row;
  }

  private static Anchor external(String id, String text, String url) {
    Anchor anchor = new Anchor(url, text, AnchorTarget.BLANK);
    anchor.setId(id);
    return anchor;
  }

  private Component lossCurve(TrainingRun run) {
    String svg = LossCurveSvg.render(runs.lossCurve(run.id));
    Image image =
        new Image(
            "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
            "training loss by step");
    image.setId("loss-curve");
    image.setMaxWidth("100%");
    return image;
  }

  /** The lineage's exact references (URIs, checksums), folded away under the picture. */
  private Component lineageOf(RunLineage l) {
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    body.setSpacing(false);
    body.add(
        fact(
            "Dataset",
            l.dataset().versionId() == null
                ? l.dataset().name() + " (not curated yet)"
                : l.dataset().name()
                    + " v"
                    + l.dataset().version()
                    + " — "
                    + l.dataset().videoCount()
                    + " videos, manifest "
                    + l.dataset().manifestUri()
                    + " sha256 "
                    + l.dataset().manifestSha256()));
    body.add(
        fact(
            "Vocabulary",
            l.vocabulary().name()
                + " v"
                + l.vocabulary().versionAtLaunch()
                + " at launch ("
                + VocabularyNow.of(l.vocabulary())
                + ")"));
    body.add(
        fact("Launched by", l.run().launchedBy() + " at " + DateTimes.format(l.run().createdAt())));
    for (RunLineage.ModelInfo m : l.models()) {
      body.add(
          fact(
              "Model",
              m.modelName()
                  + " v"
                  + m.version()
                  + " — "
                  + m.checkpointUri()
                  + " sha256 "
                  + m.checkpointSha256()));
    }
    for (RunLineage.EvaluationInfo e : l.evaluations()) {
      body.add(
          fact(
              "Evaluation",
              String.format(
                  "AUPR %.4f, peak F1 %.4f at threshold %s",
                  e.aupr(), e.peakF1(), Thresholds.format(e.peakF1Threshold()))));
    }
    Details details = new Details("References and checksums", body);
    details.setId("run-lineage");
    details.setOpened(false);
    return details;
  }

  private static Component fact(String name, String value) {
    Span label = new Span(name + ": ");
    label.getStyle().set("font-weight", "600");
    return new Paragraph(label, new Span(value));
  }

  private static String badgeOf(TrainingRun run) {
    return switch (run.status) {
      case SUCCEEDED -> "success";
      case FAILED -> "error";
      case CANCELLED -> "contrast";
      default -> "contrast";
    };
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().setPollInterval(pollIntervalMs);
    pollRegistration =
        event
            .getUI()
            .addPollListener(
                poll -> {
                  // Re-render while the run moves, and once more when it reaches its end.
                  var now = runs.get(runId).status;
                  if (!now.isFinal() || now != shownStatus || content.getComponentCount() == 0) {
                    render();
                  }
                });
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (pollRegistration != null) {
      pollRegistration.remove();
    }
    event.getUI().setPollInterval(-1);
  }
}
