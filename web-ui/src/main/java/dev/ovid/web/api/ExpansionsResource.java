package dev.ovid.web.api;

import dev.ovid.registry.expansion.LabelEmbeddingSet;
import dev.ovid.registry.expansion.LabelEmbeddingSets;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.web.expansion.ExpansionLauncher;
import dev.ovid.web.security.Roles;
import dev.ovid.workflows.expansion.ExpansionProgress;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vocabulary expansion on its own: start one, follow its progress, list what a model has. */
@Path("/api/expansions")
@Tag(name = "Expansion")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ExpansionsResource {
  @Inject ExpansionLauncher launcher;
  @Inject ModelRegistry models;
  @Inject VocabularyVersions vocabularies;
  @Inject LabelEmbeddingSets sets;
  @Inject SecurityIdentity identity;

  public record ExpandBody(String model, String vocabulary, Integer vocabularyVersion) {}

  public record Started(String workflowId, String model, String vocabulary) {}

  public record SetView(
      long id,
      String model,
      String vocabulary,
      int labelCount,
      String uri,
      String sha256,
      String workflowId,
      Instant createdAt) {
    static SetView of(LabelEmbeddingSet s) {
      return new SetView(
          s.id,
          s.modelVersion.modelName + "@" + s.modelVersion.version,
          s.vocabularyVersion.ref(),
          s.labelCount,
          s.uri,
          s.sha256,
          s.workflowId,
          s.createdAt);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PRODUCT_OWNER, Roles.ML_OPS})
  @Operation(
      summary = "Expand a published vocabulary version for a model (alias or version)",
      description = "Idempotent: the same pair gives the same workflow and the same embeddings")
  public Response expand(ExpandBody body) {
    if (body == null) throw new dev.ovid.registry.common.ValidationException("a body is required");
    ModelVersion model = models.resolve(body.model());
    VocabularyVersion vocabulary =
        vocabularies.get(
            vocabularies.resolve(
                    dev.ovid.registry.common.ValidationException.requireText(
                        "vocabulary", body.vocabulary()),
                    body.vocabularyVersion())
                .id);
    String workflowId = launcher.start(model.id, vocabulary.id, identity.getPrincipal().getName());
    return Response.accepted(
            new Started(workflowId, model.modelName + "@" + model.version, vocabulary.ref()))
        .build();
  }

  @GET
  @Path("/{workflowId}")
  @Operation(summary = "An expansion's progress (queued, embedding, done, failed)")
  public ExpansionProgress progress(@PathParam("workflowId") String workflowId) {
    return launcher.progress(workflowId);
  }

  @GET
  @Path("/models/{version}")
  @Transactional
  @Operation(summary = "The label-embedding databases of a model version, newest first")
  public List<SetView> ofModel(@PathParam("version") String version) {
    return sets.ofModel(models.resolve(version).id).stream().map(SetView::of).toList();
  }
}
