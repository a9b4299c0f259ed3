package dev.ovid.web.api;

import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.audit.AuditVerifier;
import dev.ovid.registry.common.Json;
import dev.ovid.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The append-only audit log of changes to vocabularies, runs and models. */
@Path("/api/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ML_OPS})
@APIResponse(responseCode = "401", description = "Not logged in (HTTP basic)")
@APIResponse(responseCode = "403", description = "Only auditors and ml-ops read the audit log")
public class AuditResource {
  @Inject AuditLog audit;
  @Inject AuditVerifier verifier;

  @Schema(name = "AuditEvent")
  public record EventView(
      long id,
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      Map<String, Object> detail) {
    static EventView of(AuditEvent e) {
      return new EventView(
          e.id,
          e.at,
          e.actor,
          e.action,
          e.entityType,
          e.entityId,
          Json.readObject(e.detailJson, "detail of audit event " + e.id));
    }
  }

  @GET
  @Operation(
      summary = "Audit events",
      description =
          "With entityType and entityId: that entity's history, oldest first. Otherwise the newest"
              + " events, newest first.")
  public List<EventView> events(
      @QueryParam("entityType") @Schema(example = "vocabulary") String entityType,
      @QueryParam("entityId") String entityId,
      @QueryParam("limit") @DefaultValue("200") int limit) {
    List<AuditEvent> events =
        entityType != null && entityId != null
            ? audit.history(entityType, entityId)
            : audit.recent(Math.max(1, Math.min(limit, 5000)));
    return events.stream().map(EventView::of).toList();
  }

  @GET
  @Path("/verify")
  @Operation(
      summary = "Check the audit log's hash chain",
      description =
          "Walks every entry in order and checks that each stores the hash of the one before and"
              + " that its own hash matches its content. Reports the first broken link, with that"
              + " entry as one JSON line.")
  public AuditVerifier.Verification verify() {
    return verifier.verify();
  }
}
