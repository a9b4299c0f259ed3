package dev.ovid.web.api;

import dev.ovid.registry.lineage.LineageService;
import dev.ovid.registry.run.LossSample;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.links.ExternalLinks;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.runs.RunOperations;
import dev.ovid.web.security.Roles;
import dev.ovid.workflows.pipeline.ModelPreset;
import dev.ovid.workflows.pipeline.PipelineProgress;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Launch training pipelines and read runs with their progress, loss curve and lineage. */
@Path("/api/runs")
@Tag(name = "Runs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "401", description = "Not logged in (HTTP basic)")
public class RunsResource {
  private static final Logger LOG = Logger.getLogger(RunsResource.class);

  @Inject RunLauncher launcher;
  @Inject RunOperations operations;
  @Inject RunRegistry runs;
  @Inject LineageService lineage;
  @Inject ExternalLinks externalLinks;
  @Inject SecurityIdentity identity;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(
      summary = "Launch a training pipeline",
      description =
          "Validates the dataset, vocabulary and hyperparameters, creates the run and starts its"
              + " workflow. On any error nothing is created.")
  @APIResponse(
      responseCode = "201",
      description = "Run created; Location names it",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Missing fields or invalid hyperparameters, one detail per problem",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown dataset or vocabulary",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only ml-ops may launch runs")
  public Response launch(LaunchRunBody body) {
    if (body == null) {
      throw new InvalidRequestException(
          "invalid launch request", List.of("request body is required"));
    }
    List<String> problems = body.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("invalid launch request", problems);
    }
    TrainingRun run =
        launcher.launch(
            new LaunchRequest(
                body.datasetName().trim(),
                body.vocabularyId(),
                body.hyperparametersOrDefaults(),
                body.syntheticLabeler()),
            identity.getPrincipal().getName());
    RunView view = view(runs.get(run.id));
    return Response.created(URI.create("/api/runs/" + run.id)).entity(view).build();
  }

  @GET
  @Path("/presets")
  @Operation(
      summary = "Named model configurations",
      description =
          "The paper's model and its baselines and ablations; pass a name as"
              + " hyperparameters.preset when launching")
  public List<ModelPreset> presets() {
    return ModelPreset.all();
  }

  @GET
  @Transactional
  @Operation(summary = "List runs, newest first")
  public List<RunView> list(
      @QueryParam("limit") @DefaultValue("100") @Schema(description = "at most this many, 1..1000")
          int limit) {
    return runs.listRecent(Math.max(1, Math.min(limit, 1000))).stream().map(this::view).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One run with its live progress and full lineage")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RunDetailView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such run",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public RunDetailView get(@PathParam("id") long id) {
    TrainingRun run = runs.get(id);
    PipelineProgress progress = null;
    String progressError = null;
    try {
      progress = launcher.progress(run);
    } catch (RuntimeException e) {
      // The run itself is still readable when Temporal is down or the workflow is gone.
      LOG.debugf("progress of run %d unavailable: %s", id, e.getMessage());
      progressError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    List<RunOperations.PendingActivity> activities = List.of();
    try {
      activities = operations.pendingActivities(run);
    } catch (RuntimeException e) {
      LOG.debugf("pending activities of run %d unavailable: %s", id, e.getMessage());
      if (progressError == null) progressError = e.getMessage();
    }
    return new RunDetailView(view(run), progress, progressError, lineage.lineageOf(id), activities);
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(
      summary = "Cancel a run",
      description =
          "Asks the run's workflow to cancel: training stops at its next step and keeps its"
              + " checkpoint, the run becomes CANCELLED and its MLflow run KILLED. Audited.")
  @APIResponse(
      responseCode = "202",
      description = "Cancellation requested",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The run has already ended",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only ml-ops may cancel runs")
  public Response cancel(@PathParam("id") long id) {
    operations.cancel(id, identity.getPrincipal().getName());
    return Response.accepted(view(runs.get(id))).build();
  }

  @POST
  @Path("/{id}/retry")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(
      summary = "Retry a failed or cancelled run from its last checkpoint",
      description =
          "Starts a new run with the same dataset, vocabulary and hyperparameters whose training"
              + " resumes from this run's last checkpoint.")
  @APIResponse(
      responseCode = "201",
      description = "The new run; Location names it",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The run is not FAILED/CANCELLED or wrote no checkpoint",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only ml-ops may retry runs")
  public Response retry(@PathParam("id") long id) {
    TrainingRun retry = operations.retryFromCheckpoint(id, identity.getPrincipal().getName());
    return Response.created(URI.create("/api/runs/" + retry.id))
        .entity(view(runs.get(retry.id)))
        .build();
  }

  @GET
  @Path("/{id}/loss")
  @Operation(summary = "The run's training-loss curve, by step")
  @APIResponse(
      responseCode = "404",
      description = "No such run",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public List<LossSample> loss(@PathParam("id") long id) {
    return runs.lossCurve(id);
  }

  private RunView view(TrainingRun run) {
    return RunView.of(run, links(run));
  }

  private Map<String, String> links(TrainingRun run) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/runs/" + run.id);
    links.put("loss", "/api/runs/" + run.id + "/loss");
    links.put("ui", "/runs/" + run.id);
    externalLinks.mlflowRun(run.mlflowRunId).ifPresent(url -> links.put("mlflow", url));
    externalLinks.temporalWorkflow(run.workflowId).ifPresent(url -> links.put("temporal", url));
    return links;
  }
}
