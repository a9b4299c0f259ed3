package dev.ovid.web.api;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.LabelKind;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.VersionedLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyCsv;
import dev.ovid.registry.vocabulary.VocabularyDiff;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.registry.vocabulary.importing.ImportFormat;
import dev.ovid.registry.vocabulary.importing.ImportSummary;
import dev.ovid.registry.vocabulary.importing.PublicLabelLists;
import dev.ovid.registry.vocabulary.importing.VocabularyImporter;
import dev.ovid.web.api.VocabularyViews.Detail;
import dev.ovid.web.api.VocabularyViews.LabelEditBody;
import dev.ovid.web.api.VocabularyViews.LabelView;
import dev.ovid.web.api.VocabularyViews.NewLabelsBody;
import dev.ovid.web.api.VocabularyViews.NewVocabularyBody;
import dev.ovid.web.api.VocabularyViews.PublishBody;
import dev.ovid.web.api.VocabularyViews.Summary;
import dev.ovid.web.api.VocabularyViews.VersionDetail;
import dev.ovid.web.api.VocabularyViews.VersionView;
import dev.ovid.web.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
  @Inject VocabularyVersions versions;
  @Inject VocabularyImporter importer;
  @Inject dev.ovid.web.classify.NearDuplicateGuard nearDuplicates;
  @Inject dev.ovid.web.expansion.PublishedVocabularyExpansion publishing;

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
    List<NewLabel> labels = body == null ? List.of() : body.all("api");
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

  @GET
  @Path("/by-name/{name}")
  @Transactional
  @Operation(summary = "One vocabulary, by name, with its draft labels")
  public Detail byName(@PathParam("name") String name) {
    Vocabulary vocabulary = vocabularies.find(name);
    return Detail.of(vocabulary, Label.ofVocabulary(vocabulary));
  }

  @PATCH
  @Path("/{id}/labels/{labelId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Transactional
  @Operation(summary = "Change a draft label's kind, description and synonyms")
  public LabelView editLabel(
      @PathParam("id") long id, @PathParam("labelId") long labelId, LabelEditBody body) {
    Vocabulary vocabulary = vocabularies.get(id);
    Label label = Label.findById(labelId);
    if (label == null || !label.vocabulary.id.equals(vocabulary.id)) {
      throw new NotFoundException(
          "label " + labelId + " is not in vocabulary '" + vocabulary.name + "'");
    }
    if (body == null)
      throw new ValidationException("a body with kind, description, synonyms is required");
    return LabelView.of(
        vocabularies.editLabel(
            vocabulary.name,
            label.name,
            body.kind() == null ? null : LabelKind.parse(body.kind()),
            body.description(),
            body.synonyms(),
            user()));
  }

  @POST
  @Path("/{id}/publish")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Operation(summary = "Publish the draft as the next immutable version")
  @APIResponse(
      responseCode = "201",
      description = "Published",
      content = @Content(schema = @Schema(implementation = VersionView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The draft equals the latest version",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response publish(@PathParam("id") long id, PublishBody body) {
    Vocabulary vocabulary = vocabularies.get(id);
    VocabularyVersion version =
        versions.publish(vocabulary.name, body == null ? null : body.comment(), user());
    publishing.expandForProduction(version.id, user());
    return Response.created(URI.create("/api/vocabularies/" + id + "/versions/" + version.version))
        .entity(VersionView.of(versions.get(version.id)))
        .build();
  }

  @GET
  @Path("/{id}/versions")
  @Transactional
  @Operation(summary = "The published versions, newest first")
  public List<VersionView> versions(@PathParam("id") long id) {
    return versions.versions(vocabularies.get(id).name).stream().map(VersionView::of).toList();
  }

  @GET
  @Path("/{id}/versions/{version}")
  @Transactional
  @Operation(summary = "One published version with its exact label set")
  public VersionDetail version(@PathParam("id") long id, @PathParam("version") int version) {
    VocabularyVersion v = versions.resolve(vocabularies.get(id).name, version);
    return new VersionDetail(VersionView.of(v), versions.labels(v.id));
  }

  @GET
  @Path("/{id}/diff")
  @Transactional
  @Operation(
      summary = "Labels added, removed and changed between two versions",
      description = "Without 'to', compares version 'from' with the current draft")
  public VocabularyDiff diff(
      @PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
    if (from == null) throw new ValidationException("query parameter 'from' is required");
    return versions.diff(vocabularies.get(id).name, from, to);
  }

  @GET
  @Path("/{id}/versions/{version}/export")
  @Transactional
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Operation(summary = "A published version as CSV (name,kind,description,synonyms,source) or JSON")
  public Response export(
      @PathParam("id") long id,
      @PathParam("version") int version,
      @QueryParam("format") @DefaultValue("csv") String format) {
    VocabularyVersion v = versions.resolve(vocabularies.get(id).name, version);
    List<VersionedLabel> labels = versions.labels(v.id);
    String file = v.vocabulary.name + "-v" + v.version;
    return switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "json" ->
          Response.ok(VocabularyVersions.canonicalJson(labels), MediaType.APPLICATION_JSON)
              .header("Content-Disposition", "attachment; filename=\"" + file + ".json\"")
              .build();
      case "csv" ->
          Response.ok(VocabularyCsv.write(labels), "text/csv")
              .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
              .build();
      default -> throw new ValidationException("format must be csv or json, not '" + format + "'");
    };
  }

  @POST
  @Path("/{id}/import")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Operation(
      summary = "Import a label file into the draft",
      description =
          "The request body is the file. format: auto, lines, csv (name[,kind[,description]] with a"
              + " header), json, kinetics-csv, label-studio (the value of each Choice/Label)."
              + " Malformed rows are rejected with their line; the rest is imported.")
  public ImportSummary importFile(
      @PathParam("id") long id,
      @QueryParam("format") @DefaultValue("auto") String format,
      @QueryParam("file") @DefaultValue("upload") String file,
      byte[] body) {
    Vocabulary vocabulary = vocabularies.get(id);
    if (body == null || body.length == 0) throw new ValidationException("the file is empty");
    return importer.importFile(vocabulary.name, ImportFormat.parse(format), file, body, user());
  }

  @GET
  @Path("/{id}/near-duplicates")
  @Operation(
      summary = "Draft labels close to another draft label (production model's label encoder)",
      description =
          "Each given label (or, without 'label', every draft label) whose cosine with another"
              + " draft label is at or above ovid.vocabulary.near-duplicate-threshold;"
              + " empty when there is no production model yet")
  public List<dev.ovid.workflows.classification.SimilarLabel> nearDuplicates(
      @PathParam("id") long id, @QueryParam("label") List<String> labels) {
    Vocabulary vocabulary = vocabularies.get(id);
    List<String> candidates =
        labels == null || labels.isEmpty()
            ? vocabularies.labels(vocabulary.name).stream().map(l -> l.name).toList()
            : labels;
    return nearDuplicates.check(vocabulary.name, candidates);
  }

  @GET
  @Path("/public-lists")
  @Operation(
      summary = "The public label lists Ovid ships (Kinetics-400, ActivityNet, TAO, RareAct)")
  public List<String> publicLists() {
    return PublicLabelLists.names();
  }

  @POST
  @Path("/{id}/import-public/{list}")
  @RolesAllowed(Roles.PRODUCT_OWNER)
  @Operation(summary = "Import one of the shipped public label lists into the draft")
  public ImportSummary importPublic(@PathParam("id") long id, @PathParam("list") String list) {
    return importer.importPublic(vocabularies.get(id).name, list, user());
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
