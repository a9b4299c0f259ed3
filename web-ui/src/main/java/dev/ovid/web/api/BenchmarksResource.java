package dev.ovid.web.api;

import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.benchmark.BenchmarkResult;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.web.benchmarks.BenchmarkLauncher;
import dev.ovid.web.benchmarks.Leaderboard;
import dev.ovid.web.benchmarks.PrCurveSvg;
import dev.ovid.web.security.Roles;
import dev.ovid.workflows.benchmark.BenchmarkSpec;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Benchmark suites: evaluate a model version on several benchmarks; the leaderboard. */
@Path("/api/benchmarks")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BenchmarksResource {
  @Inject BenchmarkLauncher launcher;
  @Inject BenchmarkRegistry benchmarks;
  @Inject Leaderboard leaderboard;
  @Inject SecurityIdentity identity;

  @Schema(name = "BenchmarkRun")
  public record RunBody(
      @Schema(description = "model version to evaluate", required = true) Long modelVersionId,
      @Schema(description = "the suite, at least one benchmark", required = true)
          List<BenchmarkBody> benchmarks) {}

  @Schema(name = "Benchmark")
  public record BenchmarkBody(
      @Schema(description = "column name, e.g. Kinetics-400", required = true) String name,
      @Schema(required = true) Long datasetVersionId,
      @Schema(required = true) Long vocabularyId,
      @Schema(description = "split reported on (default eval)") String evaluationSplit,
      @Schema(description = "split used to calibrate the threshold (default: evaluationSplit)")
          String calibrationSplit) {}

  public record ResultView(
      int position,
      String name,
      long datasetVersionId,
      long vocabularyId,
      String evaluationSplit,
      String calibrationSplit,
      int videos,
      int labels,
      double aupr,
      double map,
      double peakF1,
      Double peakF1Threshold,
      double gap20,
      Double calibrationF1,
      Double f1AtCalibrated,
      String prCurveSvg) {}

  public record EvaluationView(
      long id,
      long modelVersionId,
      String model,
      String status,
      String message,
      String workflowId,
      String mlflowRunId,
      Double calibratedThreshold,
      Double calibrationMinF1,
      String reportUri,
      String launchedBy,
      Instant createdAt,
      Instant finishedAt,
      List<ResultView> results) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Evaluate a model version on a suite of benchmarks")
  public Response run(RunBody body) {
    List<String> problems = new ArrayList<>();
    if (body == null || body.modelVersionId() == null) problems.add("modelVersionId is required");
    if (body == null || body.benchmarks() == null || body.benchmarks().isEmpty()) {
      problems.add("benchmarks needs at least one benchmark");
    }
    List<BenchmarkSpec> suite = new ArrayList<>();
    if (body != null && body.benchmarks() != null) {
      for (int i = 0; i < body.benchmarks().size(); i++) {
        BenchmarkBody b = body.benchmarks().get(i);
        if (b == null || b.name() == null || b.name().isBlank()) {
          problems.add("benchmarks[" + i + "].name is required");
          continue;
        }
        if (b.datasetVersionId() == null)
          problems.add("benchmarks[" + i + "].datasetVersionId is required");
        if (b.vocabularyId() == null)
          problems.add("benchmarks[" + i + "].vocabularyId is required");
        if (b.datasetVersionId() == null || b.vocabularyId() == null) continue;
        String eval = b.evaluationSplit() == null ? "eval" : b.evaluationSplit();
        String cal = b.calibrationSplit() == null ? eval : b.calibrationSplit();
        suite.add(
            new BenchmarkSpec(b.name().strip(), b.datasetVersionId(), b.vocabularyId(), eval, cal));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("invalid benchmark request", problems);
    }
    BenchmarkEvaluation e =
        launcher.launch(body.modelVersionId(), suite, identity.getPrincipal().getName());
    return Response.created(URI.create("/api/benchmarks/" + e.id)).entity(view(e.id)).build();
  }

  @GET
  @Operation(summary = "Benchmark evaluations, newest first")
  public List<EvaluationView> list() {
    return benchmarks.list(200).stream().map(e -> view(e.id)).toList();
  }

  @GET
  @Path("/leaderboard")
  @Operation(
      summary = "Model versions side by side",
      description =
          "Rows: model versions (their latest successful suite); columns: benchmark names; cells:"
              + " AUPR and F1 at the suite's calibrated threshold, with the evaluation id")
  public Leaderboard.Table board() {
    return leaderboard.table();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One suite evaluation with every benchmark's metrics")
  public EvaluationView get(@PathParam("id") long id) {
    return view(id);
  }

  @GET
  @Path("/{id}/results/{position}/pr.svg")
  @Produces("image/svg+xml")
  @Operation(summary = "A benchmark's precision-recall curve, drawn on the server")
  @Transactional
  public String prCurve(@PathParam("id") long id, @PathParam("position") int position) {
    BenchmarkResult r =
        BenchmarkResult.<BenchmarkResult>find("evaluation.id = ?1 and position = ?2", id, position)
            .firstResultOptional()
            .orElseThrow(() -> NotFoundException.of("benchmark result", id + "/" + position));
    return PrCurveSvg.render(
        r.prCurveJson, r.name + " (AUPR " + String.format("%.3f", r.aupr) + ")");
  }

  @Transactional
  EvaluationView view(long id) {
    BenchmarkEvaluation e = benchmarks.get(id);
    List<ResultView> results =
        benchmarks.results(id).stream()
            .map(
                r ->
                    new ResultView(
                        r.position,
                        r.name,
                        r.datasetVersionId,
                        r.vocabularyId,
                        r.evaluationSplit,
                        r.calibrationSplit,
                        r.videos,
                        r.labels,
                        r.aupr,
                        r.map,
                        r.peakF1,
                        r.peakF1Threshold,
                        r.gap20,
                        r.calibrationF1,
                        r.f1AtCalibrated,
                        "/api/benchmarks/" + id + "/results/" + r.position + "/pr.svg"))
            .toList();
    return new EvaluationView(
        e.id,
        e.modelVersion.id,
        e.modelVersion.modelName + " v" + e.modelVersion.version,
        e.status,
        e.message,
        e.workflowId,
        e.mlflowRunId,
        e.calibratedThreshold,
        e.calibrationMinF1,
        e.reportUri,
        e.launchedBy,
        e.createdAt,
        e.finishedAt,
        results);
  }
}
