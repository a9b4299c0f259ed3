package dev.ovid.web.api;

import dev.ovid.web.schedule.ScheduleRequest;
import dev.ovid.web.schedule.ScheduleService;
import dev.ovid.web.schedule.ScheduleView;
import dev.ovid.web.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scheduled retraining on Temporal Schedules: create, edit, pause, resume, trigger, backfill and
 * delete; each schedule lists the runs it started with their outcomes.
 */
@Path("/api/schedules")
@Tag(name = "Schedules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "401", description = "Not logged in (HTTP basic)")
public class SchedulesResource {
  @Inject ScheduleService schedules;
  @Inject SecurityIdentity identity;

  @GET
  @Operation(summary = "List Ovid's schedules with their next times and runs")
  public List<ScheduleView> list() {
    return schedules.list();
  }

  @GET
  @Path("/{name}")
  @Operation(summary = "One schedule with its next times and the runs it started")
  @APIResponse(
      responseCode = "404",
      description = "No such schedule",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public ScheduleView get(@PathParam("name") String name) {
    return schedules.get(name);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(
      summary = "Create a schedule",
      description =
          "cron (five fields, optional timezone) or interval (ISO-8601, e.g. PT6H); overlap SKIP,"
              + " BUFFER_ONE or CANCEL_OTHER; catchupWindow (ISO-8601). Each action trains on the"
              + " dataset's newest contents with the vocabulary's current labels.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ScheduleView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid schedule",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "409",
      description = "A schedule with this name exists",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response create(ScheduleRequest request) {
    ScheduleView created = schedules.create(request, user());
    return Response.created(URI.create("/api/schedules/" + created.name())).entity(created).build();
  }

  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Edit a schedule (timing, policy, dataset, vocabulary, hyperparameters)")
  public ScheduleView update(@PathParam("name") String name, ScheduleRequest request) {
    return schedules.update(name, request, user());
  }

  @POST
  @Path("/{name}/pause")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Pause a schedule")
  public ScheduleView pause(@PathParam("name") String name, @QueryParam("note") String note) {
    return schedules.pause(name, note, user());
  }

  @POST
  @Path("/{name}/resume")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Resume a paused schedule")
  public ScheduleView resume(@PathParam("name") String name) {
    return schedules.resume(name, user());
  }

  @POST
  @Path("/{name}/trigger")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Start one action now (the overlap policy applies)")
  public ScheduleView trigger(@PathParam("name") String name) {
    return schedules.trigger(name, user());
  }

  @POST
  @Path("/{name}/backfill")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Take the actions the schedule would have taken between from and to")
  public ScheduleView backfill(
      @PathParam("name") String name,
      @QueryParam("from") @Schema(description = "ISO-8601 instant") String from,
      @QueryParam("to") @Schema(description = "ISO-8601 instant") String to) {
    try {
      return schedules.backfill(name, Instant.parse(from), Instant.parse(to), user());
    } catch (java.time.format.DateTimeParseException | NullPointerException e) {
      throw new InvalidRequestException(
          "invalid backfill range", List.of("from and to must be ISO-8601 instants"));
    }
  }

  @DELETE
  @Path("/{name}")
  @RolesAllowed(Roles.ML_OPS)
  @Operation(summary = "Delete a schedule (its runs stay)")
  public Response delete(@PathParam("name") String name) {
    schedules.delete(name, user());
    return Response.noContent().build();
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
