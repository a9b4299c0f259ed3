package dev.ovid.web.api;

import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.videoindex.BatchClassification;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.web.security.Roles;
import dev.ovid.web.videoindex.VideoIndexService;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Batch classification of a dataset version through its video index: start one, follow it, list
 * them and download the results (CSV and JSONL).
 */
@Path("/api/batch-classifications")
@Tag(name = "Classification")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BatchClassificationsResource {
  @Inject VideoIndexService service;
  @Inject VideoIndexes indexes;
  @Inject SecurityIdentity identity;

  public record StartBody(
      String model,
      String dataset,
      Integer datasetVersion,
      String vocabulary,
      Integer vocabularyVersion,
      Integer top) {}

  public record BatchView(
      long id,
      String model,
      String dataset,
      String vocabulary,
      long videoIndex,
      int top,
      double threshold,
      int videoCount,
      int labelCount,
      String csvUri,
      String csvSha256,
      String jsonlUri,
      String jsonlSha256,
      String csv,
      String jsonl,
      String workflowId,
      String createdBy,
      Instant createdAt) {
    public static BatchView of(BatchClassification b) {
      String base = "/api/batch-classifications/" + b.id;
      return new BatchView(
          b.id,
          b.videoIndex.modelVersion.modelName + "@" + b.videoIndex.modelVersion.version,
          b.videoIndex.datasetVersion.datasetName + "@" + b.videoIndex.datasetVersion.version,
          b.vocabularyVersion.ref(),
          b.videoIndex.id,
          b.topK,
          b.threshold,
          b.videoCount,
          b.labelCount,
          b.csvUri,
          b.csvSha256,
          b.jsonlUri,
          b.jsonlSha256,
          base + "/results.csv",
          base + "/results.jsonl",
          b.workflowId,
          b.createdBy,
          b.createdAt);
    }
  }

  public record StatusView(String workflowId, String progress, BatchView result) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PRODUCT_OWNER, Roles.ML_OPS})
  @Operation(
      summary = "Classify every video of a dataset version (through its video index)",
      description =
          "model: alias or version (default production); datasetVersion and vocabularyVersion:"
              + " default the latest; top: labels per video besides those passing the threshold."
              + " Expands the vocabulary and builds the index when missing. Idempotent")
  public Response start(StartBody body) {
    if (body == null)
      throw new ValidationException("a body with dataset and vocabulary is required");
    var started =
        service.classify(
            body.model(),
            body.dataset(),
            body.datasetVersion(),
            body.vocabulary(),
            body.vocabularyVersion(),
            body.top(),
            identity.getPrincipal().getName());
    return Response.accepted(started).build();
  }

  @GET
  @Transactional
  @Operation(summary = "Batch classifications, newest first")
  public List<BatchView> list() {
    return indexes.batches().stream().map(BatchView::of).toList();
  }

  @GET
  @Path("/{id}")
  @Transactional
  @Operation(summary = "One batch classification with its lineage and result files")
  public BatchView get(@PathParam("id") long id) {
    return BatchView.of(indexes.getBatch(id));
  }

  @GET
  @Path("/workflows/{workflowId}")
  @Transactional
  @Operation(summary = "A batch classification's progress (its workflow query) and its result")
  public StatusView status(@PathParam("workflowId") String workflowId) {
    Optional<BatchClassification> done =
        BatchClassification.<BatchClassification>find("workflowId", workflowId)
            .firstResultOptional();
    return new StatusView(
        workflowId, service.batchProgress(workflowId), done.map(BatchView::of).orElse(null));
  }

  @GET
  @Path("/{id}/results.csv")
  @Produces("text/csv")
  @Operation(summary = "The results as CSV: video_id,video_uri,rank,label,score,passes")
  public Response csv(@PathParam("id") long id) {
    BatchClassification b = indexes.getBatch(id);
    return download(service.open(b.csvUri), "text/csv", "batch-" + id + ".csv");
  }

  @GET
  @Path("/{id}/results.jsonl")
  @Produces("application/x-ndjson")
  @Operation(summary = "The results as JSON lines, one video per line")
  public Response jsonl(@PathParam("id") long id) {
    BatchClassification b = indexes.getBatch(id);
    return download(service.open(b.jsonlUri), "application/x-ndjson", "batch-" + id + ".jsonl");
  }

  private static Response download(java.io.InputStream in, String type, String name) {
    return Response.ok(in, type)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
