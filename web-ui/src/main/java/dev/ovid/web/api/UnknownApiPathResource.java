package dev.ovid.web.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Any /api path no resource serves answers a JSON 404. Without it the request falls through to the
 * Vaadin servlet, which answers 200 with the UI's HTML. Real resources have more specific paths, so
 * JAX-RS matches them first.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class UnknownApiPathResource {
  private static final String ANY = "{unknown: .*}";

  @GET
  @Path(ANY)
  @Operation(hidden = true)
  public Response get() {
    return notFound();
  }

  @HEAD
  @Path(ANY)
  @Operation(hidden = true)
  public Response head() {
    return notFound();
  }

  @POST
  @Path(ANY)
  @Operation(hidden = true)
  public Response post() {
    return notFound();
  }

  @PUT
  @Path(ANY)
  @Operation(hidden = true)
  public Response put() {
    return notFound();
  }

  @PATCH
  @Path(ANY)
  @Operation(hidden = true)
  public Response patch() {
    return notFound();
  }

  @DELETE
  @Path(ANY)
  @Operation(hidden = true)
  public Response delete() {
    return notFound();
  }

  private static Response notFound() {
    return HttpErrorMapper.json(404, "no such API path; the API is described at /q/openapi");
  }
}
