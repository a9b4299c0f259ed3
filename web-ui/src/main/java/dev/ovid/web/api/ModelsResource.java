package dev.ovid.web.api;

import dev.ovid.registry.model.Evaluation;
import dev.ovid.registry.model.ModelPromotion;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.Promotions;
import dev.ovid.web.promotion.PromotionService;
import dev.ovid.web.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Registered model versions, their aliases and promotions. Everyone reads; ml-ops proposes a
 * promotion (or a rollback: promoting an earlier version); an approver who did not launch the run
 * decides.
 */
@Path("/api/models")
@Tag(name = "Models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ModelsResource {
  @Inject ModelRegistry models;
  @Inject Promotions promotions;
  @Inject PromotionService promotion;
  @Inject SecurityIdentity identity;

  public record ModelVersionView(
      long id,
      String model,
      int version,
      List<String> aliases,
      long runId,
      String launchedBy,
      Double aupr,
      Double peakF1,
      Double threshold,
      String checkpointUri,
      String mlflowRunId,
      Instant createdAt) {}

  public record PromotionView(
      long id,
      int version,
      String kind,
      String status,
      String proposedBy,
      String proposalComment,
      String decidedBy,
      String decisionComment,
      String workflowId,
      Instant createdAt,
      Instant decidedAt) {
    static PromotionView of(ModelPromotion p) {
      return new PromotionView(
          p.id,
          p.modelVersion.version,
          p.kind.name(),
          p.status.name(),
          p.proposedBy,
          p.proposalComment,
          p.decidedBy,
          p.decisionComment,
          p.workflowId,
          p.createdAt,
          p.decidedAt);
    }
  }

  public record CommentBody(String comment) {}

  @GET
  @Transactional
  @Operation(summary = "Versions of the registered model, newest first, with metrics and aliases")
  public List<ModelVersionView> versions() {
    return models.versions(models.modelName()).stream().map(this::view).toList();
  }

  @GET
  @Path("/promotions")
  @Transactional
  @Operation(summary = "Promotions, newest first")
  public List<PromotionView> promotions() {
    return promotions.list(models.modelName()).stream().map(PromotionView::of).toList();
  }

  @POST
  @Path("/versions/{version}/promote")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(
      summary = "Propose this version for production (an earlier one: a rollback)",
      description = "Starts a workflow that waits for an approver's decision")
  @APIResponse(responseCode = "202", description = "Proposed; waiting for a decision")
  @APIResponse(responseCode = "409", description = "Already in production, or another is pending")
  public Response promote(@PathParam("version") int version, CommentBody body) {
    ModelPromotion p = promotion.propose(version, user(), body == null ? null : body.comment());
    return Response.accepted(PromotionView.of(p)).build();
  }

  @POST
  @Path("/promotions/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Approve a pending promotion (not by whoever launched the run)")
  @APIResponse(responseCode = "202", description = "Decision sent to the promotion workflow")
  @APIResponse(responseCode = "403", description = "Not an approver, or the run's launcher")
  public Response approve(@PathParam("id") long id, CommentBody body) {
    return decide(id, true, body);
  }

  @POST
  @Path("/promotions/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Reject a pending promotion, with a comment")
  public Response reject(@PathParam("id") long id, CommentBody body) {
    return decide(id, false, body);
  }

  private Response decide(long id, boolean approve, CommentBody body) {
    ModelPromotion p = promotion.decide(id, approve, user(), body == null ? null : body.comment());
    return Response.accepted(PromotionView.of(p)).build();
  }

  private ModelVersionView view(ModelVersion m) {
    Evaluation e =
        Evaluation.<Evaluation>find("modelVersion = ?1 order by id desc", m).firstResult();
    return new ModelVersionView(
        m.id,
        m.modelName,
        m.version,
        models.aliasesOf(m.id),
        m.run.id,
        m.run.launchedBy,
        e == null ? null : e.aupr,
        e == null ? null : e.peakF1,
        e == null ? null : e.peakF1Threshold,
        m.checkpointUri,
        m.mlflowRunId,
        m.createdAt);
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
