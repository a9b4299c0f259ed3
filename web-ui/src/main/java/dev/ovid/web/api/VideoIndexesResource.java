package dev.ovid.web.api;

import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.charts.ScoreHistogramSvg;
import dev.ovid.web.videoindex.VideoIndexService;
import dev.ovid.web.videoindex.VideoIndexService.Started;
import dev.ovid.workflows.videoindex.LabelPreviewResult;
import dev.ovid.workflows.videoindex.VideoIndexProgress;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Video embedding indexes: build one for a dataset version (ml-ops), follow its progress, list
 * them, read their thumbnails, and preview a draft label on one (product owners).
 */
@Path("/api/video-indexes")
@Tag(name = "Video indexes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class VideoIndexesResource {
  @Inject VideoIndexService service;
  @Inject VideoIndexes indexes;
  @Inject SecurityIdentity identity;

  public record BuildBody(
      String model, String dataset, Integer datasetVersion, Integer shardSize) {}

  public record PreviewBody(String label, Integer top) {}

  public record IndexView(
      long id,
      String model,
      int modelVersion,
      String dataset,
      int datasetVersion,
      int videoCount,
      int dimension,
      int shardCount,
      String uri,
      String sha256,
      String workflowId,
      String createdBy,
      Instant createdAt) {
    static IndexView of(VideoIndex i) {
      return new IndexView(
          i.id,
          i.modelVersion.modelName + "@" + i.modelVersion.version,
          i.modelVersion.version,
          i.datasetVersion.datasetName,
          i.datasetVersion.version,
          i.videoCount,
          i.dimension,
          i.shardCount,
          i.uri,
          i.sha256,
          i.workflowId,
          i.createdBy,
          i.createdAt);
    }
  }

  public record PreviewVideoView(
      String id, String uri, double score, boolean passes, String thumbnail) {}

  public record PreviewView(
      String label,
      long index,
      double threshold,
      int videoCount,
      int passing,
      List<PreviewVideoView> videos,
      List<Integer> histogram,
      List<Double> histogramEdges,
      String histogramSvg) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(
      summary = "Build the video embedding index of a dataset version with a model",
      description =
          "model: alias or version (default production); datasetVersion: default the latest;"
              + " shardSize: videos per shard activity (default ovid.video-index.shard-size)."
              + " Idempotent: the same pair gives the same workflow and the same index")
  public Response build(BuildBody body) {
    if (body == null) throw new ValidationException("a body with dataset is required");
    Started started =
        service.build(
            body.model(), body.dataset(), body.datasetVersion(), body.shardSize(), user());
    return Response.accepted(started).build();
  }

  @GET
  @Transactional
  @Operation(summary = "Video indexes, newest first (optionally of one model version)")
  public List<IndexView> list(@QueryParam("model") String model) {
    List<VideoIndex> all = indexes.list();
    return all.stream()
        .filter(
            i ->
                model == null
                    || model.isBlank()
                    || String.valueOf(i.modelVersion.version).equals(model.trim()))
        .map(IndexView::of)
        .toList();
  }

  @GET
  @Path("/{id}")
  @Transactional
  @Operation(summary = "One video index with its lineage (model version and dataset version)")
  public IndexView get(@PathParam("id") long id) {
    return IndexView.of(indexes.get(id));
  }

  @GET
  @Path("/workflows/{workflowId}")
  @Operation(summary = "An index build's progress (its workflow query): shards done of how many")
  public VideoIndexProgress progress(@PathParam("workflowId") String workflowId) {
    return service.progress(workflowId);
  }

  @GET
  @Path("/thumbnails/{sha256}")
  @Produces("image/jpeg")
  @Operation(summary = "An indexed video's thumbnail frame (JPEG), by its sha256")
  public Response thumbnail(@PathParam("sha256") String sha256) {
    return Response.ok(service.thumbnail(sha256), "image/jpeg")
        .header("Cache-Control", "private, max-age=86400, immutable")
        .build();
  }

  @POST
  @Path("/{id}/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PRODUCT_OWNER, Roles.ML_OPS})
  @Operation(
      summary = "Preview a (draft) label on an index: best videos, score histogram, passing count",
      description =
          "The label is embedded by the index's model's label encoder on a worker (inference"
              + " queue); nothing is written")
  public PreviewView preview(@PathParam("id") long id, PreviewBody body) {
    if (body == null) throw new ValidationException("a body with label is required");
    LabelPreviewResult r = service.preview(id, body.label(), body.top());
    return new PreviewView(
        r.label(),
        id,
        r.threshold(),
        r.videoCount(),
        r.passing(),
        r.top().stream()
            .map(
                v ->
                    new PreviewVideoView(
                        v.id(),
                        v.uri(),
                        v.score(),
                        v.passes(),
                        "/api/video-indexes/thumbnails/" + v.thumbnailSha256()))
            .toList(),
        r.histogram(),
        r.edges(),
        ScoreHistogramSvg.render(r.histogram(), r.edges(), r.threshold(), r.label()));
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
