package dev.ovid.web.api;

import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.dataset.DatasetCatalog;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.DatasetSourceService;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.DatasetVersionContents;
import dev.ovid.registry.dataset.NewDatasetSource;
import dev.ovid.registry.dataset.UnreadableVideoHandling;
import dev.ovid.web.api.DatasetViews.DiffView;
import dev.ovid.web.api.DatasetViews.NewSourceBody;
import dev.ovid.web.api.DatasetViews.Overview;
import dev.ovid.web.api.DatasetViews.SourceView;
import dev.ovid.web.api.DatasetViews.VersionDetail;
import dev.ovid.web.api.DatasetViews.VersionView;
import dev.ovid.web.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dataset sources (what runs curate from) and the immutable dataset versions curation made from
 * them. Everyone logged in reads; ML ops register sources (audited by {@link
 * DatasetSourceService}).
 */
@Path("/api/datasets")
@Tag(name = "Datasets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "401", description = "Not logged in (HTTP basic)")
public class DatasetsResource {
  @Inject DatasetSourceService sources;
  @Inject DatasetRegistry versions;
  @Inject DatasetCatalog catalog;
  @Inject DatasetVersionContents contents;
  @Inject SecurityIdentity identity;

  @GET
  @Operation(summary = "Dataset names runs can use, registered sources and all dataset versions")
  public Overview list() {
    return new Overview(
        catalog.names(),
        sources.list().stream().map(SourceView::of).toList(),
        versions.list().stream().map(VersionView::of).toList());
  }

  @GET
  @Path("/{name}/versions/{version}")
  @Operation(summary = "One dataset version with its curation config and report")
  @APIResponse(
      responseCode = "404",
      description = "No such dataset version",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public VersionDetail version(@PathParam("name") String name, @PathParam("version") int version) {
    DatasetVersion found = versions.find(name, version);
    Map<String, Object> config =
        found.curationConfigJson == null
            ? Map.of()
            : Json.readObject(found.curationConfigJson, "curation config");
    return new VersionDetail(VersionView.of(found), config, contents.report(found));
  }

  @GET
  @Path("/{name}/diff")
  @Operation(summary = "Videos and labels added, removed and changed between two versions")
  @APIResponse(
      responseCode = "400",
      description = "from or to missing",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such dataset version",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public DiffView diff(
      @PathParam("name") String name,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    List<String> problems = new ArrayList<>();
    if (from == null) problems.add("query parameter 'from' (a version number) is required");
    if (to == null) problems.add("query parameter 'to' (a version number) is required");
    if (!problems.isEmpty()) throw new InvalidRequestException("invalid diff request", problems);
    return DiffView.of(name, from, to, contents.diff(name, from, to));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Register a dataset source (a manifest or a Kinetics CSV)")
  @APIResponse(
      responseCode = "201",
      description = "Registered; runs may now name it as their dataset",
      content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, one detail per problem",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "409",
      description = "A source of that name exists",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "403", description = "Only ML ops register dataset sources")
  public Response register(NewSourceBody body) {
    NewDatasetSource spec = toSpec(body);
    DatasetSource created = sources.register(spec, identity.getPrincipal().getName());
    return Response.created(URI.create("/api/datasets/" + created.name))
        .entity(SourceView.of(created))
        .build();
  }

  NewDatasetSource toSpec(NewSourceBody body) {
    if (body == null) throw new ValidationException("a request body is required");
    List<String> problems = new ArrayList<>();
    DatasetSourceKind kind = parse(DatasetSourceKind.class, "kind", body.kind(), true, problems);
    UnreadableVideoHandling policy =
        parse(
            UnreadableVideoHandling.class,
            "unreadablePolicy",
            body.unreadablePolicy(),
            false,
            problems);
    NewDatasetSource spec =
        new NewDatasetSource(
            body.name(),
            kind,
            body.location(),
            body.videoRoot(),
            policy,
            body.description(),
            body.vocabularyLocation(),
            body.curationRulesJson());
    sources.allProblems(spec).stream()
        .filter(p -> kind != null || !p.startsWith("kind"))
        .forEach(problems::add);
    if (!problems.isEmpty()) throw new InvalidRequestException("invalid dataset source", problems);
    return spec;
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, boolean required, List<String> problems) {
    if (value == null || value.isBlank()) {
      if (required)
        problems.add(field + " must be one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          field
              + " "
              + dev.ovid.registry.common.Echo.quote(value)
              + " must be one of "
              + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }
}
