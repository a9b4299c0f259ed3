package dev.ovid.web.api;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.web.api.VocabularyViews.Detail;
import dev.ovid.web.api.VocabularyViews.LabelView;
import dev.ovid.web.api.VocabularyViews.NewLabelsBody;
import dev.ovid.web.api.VocabularyViews.NewVocabularyBody;
import dev.ovid.web.api.VocabularyViews.Summary;
import dev.ovid.web.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Vocabularies and their labels. Everyone logged in reads; only product owners change them, and
 * every change is versioned and written to the audit log by {@link VocabularyService}.
 */
@Path("/api/vocabularies")
@Tag(name = "Vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "401", description = "Not logged in (HTTP basic)")
public class VocabulariesResource {
  @Inject VocabularyService vocabularies;
  @Inject SecurityIdentity identity;

  @GET
  @Transactional
  @Operation(summary = "All vocabularies, by name, with their label counts")
  public List<Summary> list() {
    return vocabularies.list().stream().map(Summary::of).toList();
  }

  @GET
  @Path("/{id}")
  @Transactional
  @Operation(summary = "One vocabulary with its labels")
  @APIResponse(
      responseCode = "404",
      description = "No such vocabulary",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Detail get(@PathParam("id") long id) {
    Vocabulary vocabulary = vocabularies.get(id);
    return Detail.of(vocabulary, Label.ofVocabulary(vocabulary));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Transactional
  @Operation(summary = "Create a vocabulary")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(schema = @Schema(implementation = Detail.class)))
  @APIResponse(
      responseCode = "400",
      description = "Blank or too long name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "409",
      description = "A vocabulary of that name exists",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only product owners change vocabularies")
  public Response create(NewVocabularyBody body) {
    Vocabulary created =
        vocabularies.create(
            body == null ? null : body.name(), body == null ? null : body.description(), user());
    return Response.created(URI.create("/api/vocabularies/" + created.id))
        .entity(Detail.of(created, List.of()))
        .build();
  }

  @POST
  @Path("/{id}/labels")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Transactional
  @Operation(summary = "Add human labels to a vocabulary (all-or-nothing)")
  @APIResponse(
      responseCode = "201",
      description = "The labels added",
      content =
          @Content(
              schema =
                  @Schema(
                      implementation = LabelView.class,
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
  @APIResponse(
      responseCode = "409",
      description = "A label of that name is already in the vocabulary; nothing was added",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only product owners change vocabularies")
  public Response addLabels(@PathParam("id") long id, NewLabelsBody body) {
    Vocabulary vocabulary = vocabularies.get(id);
    List<NewLabel> labels =
        (body == null ? List.<String>of() : body.all())
            .stream().map(name -> NewLabel.human(name, "api")).toList();
    List<LabelView> added =
        vocabularies.addLabels(vocabulary.name, labels, user()).stream()
            .map(LabelView::of)
            .toList();
    return Response.created(URI.create("/api/vocabularies/" + id)).entity(added).build();
  }

  @DELETE
  @Path("/{id}/labels/{labelId}")
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Transactional
  @Operation(summary = "Remove a label from a vocabulary")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "No such vocabulary, or the label is not in it",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only product owners change vocabularies")
  public Response removeLabel(@PathParam("id") long id, @PathParam("labelId") long labelId) {
    Vocabulary vocabulary = vocabularies.get(id);
    Label label = Label.findById(labelId);
    if (label == null || !label.vocabulary.id.equals(vocabulary.id)) {
      throw new NotFoundException(
          "label " + labelId + " is not in vocabulary '" + vocabulary.name + "'");
    }
    vocabularies.removeLabel(vocabulary.name, label.name, user());
    return Response.noContent().build();
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
