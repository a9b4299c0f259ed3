package dev.ovid.web.api;

import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.user.OvidUser;
import dev.ovid.registry.user.UserService;
import dev.ovid.web.security.DatabaseIdentityProvider;
import dev.ovid.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users and their roles (stored with bcrypt hashes); only admins manage them. Audited. */
@Path("/api/users")
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", description = "Not logged in (HTTP basic)")
@APIResponse(responseCode = "403", description = "Only admins manage users")
public class UsersResource {
  @Inject UserService users;
  @Inject SecurityIdentity identity;
  @Inject DatabaseIdentityProvider logins;

  @Schema(name = "User")
  public record UserView(
      String username, Set<String> roles, boolean enabled, Instant createdAt, Instant updatedAt) {
    static UserView of(OvidUser u) {
      return new UserView(u.username, u.roleSet(), u.enabled, u.createdAt, u.updatedAt);
    }
  }

  @Schema(name = "NewUser")
  public record NewUserBody(
      @Schema(description = "letters, digits, . _ @ -; at most 100 characters") String username,
      @Schema(description = "at least 8, at most 200 characters") String password,
      @Schema(description = "ml-ops, product-owner, approver, auditor, admin")
          List<String> roles) {}

  @Schema(name = "Password")
  public record PasswordBody(String password) {}

  @Schema(name = "Roles")
  public record RolesBody(List<String> roles) {}

  @Schema(name = "Enabled")
  public record EnabledBody(Boolean enabled) {}

  @GET
  @Operation(summary = "All users with their roles")
  public List<UserView> list() {
    return users.list().stream().map(UserView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Bad name, short password or unknown role",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(
      responseCode = "409",
      description = "The name is taken",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public Response create(NewUserBody body) {
    if (body == null) throw new ValidationException("a request body is required");
    OvidUser user = users.create(body.username(), body.password(), body.roles(), me());
    return Response.created(URI.create("/api/users/" + user.username))
        .entity(UserView.of(user))
        .build();
  }

  @PUT
  @Path("/{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a user's password")
  @APIResponse(
      responseCode = "404",
      description = "No such user",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public UserView password(@PathParam("username") String username, PasswordBody body) {
    if (body == null) throw new ValidationException("a request body is required");
    OvidUser user = users.setPassword(username, body.password(), me());
    logins.forget(username);
    return UserView.of(user);
  }

  @PUT
  @Path("/{username}/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a user's roles")
  public UserView roles(@PathParam("username") String username, RolesBody body) {
    if (body == null) throw new ValidationException("a request body is required");
    OvidUser user = users.setRoles(username, body.roles(), me());
    logins.forget(username);
    return UserView.of(user);
  }

  @PUT
  @Path("/{username}/enabled")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Enable or disable a user (disabling ends their sessions)")
  public UserView enabled(@PathParam("username") String username, EnabledBody body) {
    if (body == null || body.enabled() == null) {
      throw new ValidationException("enabled (true or false) is required");
    }
    if (!body.enabled() && username.equals(me())) {
      throw new ValidationException("you cannot disable yourself");
    }
    OvidUser user = users.setEnabled(username, body.enabled(), me());
    logins.forget(username);
    return UserView.of(user);
  }

  private String me() {
    return identity.getPrincipal().getName();
  }
}
