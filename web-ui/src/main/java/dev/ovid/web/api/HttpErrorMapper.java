package dev.ovid.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The framework's own failures (unknown path, wrong method or media type, unreadable body, missing
 * role, anything unexpected) answered like Ovid's: a JSON {@link ErrorBody} with a human message,
 * never a Java type name, a stack trace or the input.
 */
public class HttpErrorMapper {
  private static final Logger LOG = Logger.getLogger(HttpErrorMapper.class);

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json)
        return JsonInputExceptionMapper.badRequest(json);
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    return json(status, messageFor(status));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return json(403, messageFor(403));
  }

  // No mapper for AuthenticationFailedException or UnauthorizedException: Quarkus would use it
  // for the login form's failures too, answering 401 instead of its error page. A 401 under /api
  // gets its body from BasicChallengeFilter.

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    if (e instanceof io.quarkus.security.AuthenticationException
        || e instanceof SecurityException
        || e.getClass().getName().startsWith("io.quarkus.security.")) {
      // Authentication failures keep Quarkus' own handling (challenge, login form error page).
      return null;
    }
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.errorf(e, "unexpected failure (incident %s)", incident);
    return json(500, "internal error (incident " + incident + ", see the server log)");
  }

  static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(message, List.of()))
        .build();
  }

  static String messageFor(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "not logged in: send HTTP basic credentials";
      case 403 -> "your role does not allow this operation";
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this resource";
      case 406 -> "cannot produce the requested media type; ask for application/json";
      case 413 -> "request body too large";
      case 415 -> "unsupported media type; send application/json";
      default -> status >= 500 ? "internal error" : "request refused (HTTP " + status + ")";
    };
  }
}
